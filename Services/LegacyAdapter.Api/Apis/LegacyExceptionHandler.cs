using System.Text.Json;
using AspireMsa.LegacyAdapter.Api.Contract;
using Microsoft.AspNetCore.Diagnostics;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace AspireMsa.LegacyAdapter.Api.Apis;

/// <summary>
/// A legacy client reads only the envelope, so failures are answered in it too: a new API or the token server that did
/// not answer, or answered what the adapter cannot read, is 503 "try again" (a retry of an order is safe); anything else
/// is the adapter's own bug, 500, logged as an error.
/// </summary>
public sealed partial class LegacyExceptionHandler(ILogger<LegacyExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        LegacyError error;
        if (exception is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or JsonException)
        {
            LogUnavailable(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            error = new LegacyError(
                StatusCodes.Status503ServiceUnavailable, LegacyErrorCode.Unavailable, "The store behind the legacy interface did not answer; try again later.");
        }
        else
        {
            LogFailed(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            error = new LegacyError(StatusCodes.Status500InternalServerError, LegacyErrorCode.Internal, "The legacy interface failed; the error is logged.");
        }

        await LegacyXmlResult.Error(error).ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The new APIs did not serve the legacy call {Method} {Path}")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string method, PathString path);

    [LoggerMessage(Level = LogLevel.Error, Message = "The legacy call {Method} {Path} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string method, PathString path);
}
