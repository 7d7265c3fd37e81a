using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AspireMsa.ServiceDefaults.Health;

/// <summary>
/// Writes health reports as JSON: only the overall status on the public port, where anyone may ask; every check with
/// its reason on the management port, so an operator sees which dependency is failing, not just "Unhealthy".
/// </summary>
internal static class HealthResponseWriter
{
    /// <summary>No check names and no exception text: they would tell a stranger which dependencies to attack.</summary>
    public static Task WriteSummaryAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new { status = report.Status.ToString() }, cancellationToken: context.RequestAborted);
    }

    public static Task WriteDetailedAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            totalDurationMs = report.TotalDuration.TotalMilliseconds,
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new
                {
                    status = entry.Value.Status.ToString(),
                    description = entry.Value.Description ?? entry.Value.Exception?.Message,
                    durationMs = entry.Value.Duration.TotalMilliseconds,
                }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }
}
