using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AspireMsa.ServiceDefaults.Correlation;

/// <summary>
/// Accepts a well-formed <c>X-Correlation-Id</c> or makes one, echoes it in the response, puts it on the request that
/// travels on (so the services see the same id), in the log scope and on the trace. Hand-written because it is ten
/// lines and every process needs exactly the same rule.
/// </summary>
public sealed partial class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string HeaderName = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[HeaderName].ToString();
        var correlationId = WellFormed().IsMatch(incoming) ? incoming : Guid.NewGuid().ToString("N");

        context.Request.Headers[HeaderName] = correlationId;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = correlationId;
            return Task.CompletedTask;
        });
        Activity.Current?.SetTag("correlation.id", correlationId);

        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlationId }))
        {
            await next(context);
        }
    }

    // Bounded and plain, so a client cannot inject log lines or huge values through the header.
    [GeneratedRegex("^[A-Za-z0-9._-]{8,64}$")]
    private static partial Regex WellFormed();
}
