using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AspireMsa.ServiceDefaults.Problems;

/// <summary>
/// Answers a request that minimal APIs could not bind (malformed JSON, a wrong type, a bad route or query value) with
/// problem details that name the field and the reason. A client's mistake is no server error: it is logged at Debug,
/// and since .NET 10 the exception handler middleware records no Error diagnostics for a handled exception.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(ILogger<BadRequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var problem = BadRequestProblems.From(badRequest);
        LogBadRequest(logger, problem.Status, httpContext.Request.Method, httpContext.Request.Path, problem.Detail);

        // Written as problem+json whatever the Accept header says: a client that sent a broken request needs to learn why.
        await TypedResults.Problem(problem).ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rejected a request that could not be bound ({Status}) {Method} {Path}: {Detail}")]
    private static partial void LogBadRequest(ILogger logger, int? status, string method, PathString path, string? detail);
}
