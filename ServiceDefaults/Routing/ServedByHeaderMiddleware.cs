using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace AspireMsa.ServiceDefaults.Routing;

/// <summary>
/// Answers every request with <c>X-Served-By</c>: the name the orchestrator gave this service (e.g. <c>catalog-v2</c>),
/// so a caller behind the gateway can see which version of a split route served them. Set when the response starts and
/// only if absent, so a proxy keeps the header of the service that really answered.
/// </summary>
public sealed class ServedByHeaderMiddleware(RequestDelegate next, IConfiguration configuration, IHostEnvironment environment)
{
    public const string HeaderName = "X-Served-By";

    // Aspire names each process's telemetry after its resource; outside Aspire the application's name stands in.
    private readonly string _servedBy = configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : environment.ApplicationName;

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.TryAdd(HeaderName, _servedBy);
            return Task.CompletedTask;
        });
        return next(context);
    }
}
