using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AspireMsa.ServiceDefaults.Problems;

/// <summary>
/// Answers a request that could not be read (malformed JSON, a wrong type, a bad route or query value, an unknown
/// charset, an undecodable form) with problem details that name the field and the reason. A client's mistake is no
/// server error: it is logged at Debug, and since .NET 10 the exception handler middleware records no Error
/// diagnostics for a handled exception.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(ILogger<BadRequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException badRequest => BadRequestProblems.From(badRequest),
            // Thrown by the JSON reader, before any handler code, for a charset no encoding answers to.
            InvalidOperationException when BadRequestProblems.FromUnknownCharset(httpContext.Request.ContentType) is { } charset => charset,
            // Thrown by the form reader (OpenIddict's, antiforgery's, a form binding's) for a body it cannot decode.
            InvalidDataException unreadable when httpContext.Request.HasFormContentType => BadRequestProblems.FromUnreadableForm(unreadable),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        LogBadRequest(logger, problem.Status, httpContext.Request.Method, httpContext.Request.Path, problem.Detail);

        // Written as problem+json whatever the Accept header says: a client that sent a broken request needs to learn why.
        await TypedResults.Problem(problem).ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rejected a request that could not be bound ({Status}) {Method} {Path}: {Detail}")]
    private static partial void LogBadRequest(ILogger logger, int? status, string method, PathString path, string? detail);
}
