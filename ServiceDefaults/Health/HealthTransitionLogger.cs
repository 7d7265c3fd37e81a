using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace AspireMsa.ServiceDefaults.Health;

/// <summary>
/// Logs a health check once when its status changes, instead of the health check service's Error on every failing run
/// (every 5 s, and on every probe): a dependency that is down is this service's Warning, the dependency's own Error, and
/// already visible in <c>/health</c>, the dashboard and the <c>aspiremsa.health.check.status</c> alert. A start that waits
/// for its dependencies therefore logs Warnings, not Errors.
/// </summary>
internal sealed partial class HealthTransitionLogger(ILogger<HealthTransitionLogger> logger) : IHealthCheckPublisher
{
    /// <summary>The health check service's own per-run log, replaced by this one.</summary>
    public const string HealthCheckServiceCategory = "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService";

    private readonly ConcurrentDictionary<string, HealthStatus> _last = new(StringComparer.Ordinal);

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var (name, entry) in report.Entries)
        {
            var known = _last.TryGetValue(name, out var previous);
            _last[name] = entry.Status;
            if (known && previous == entry.Status)
            {
                continue;
            }

            if (entry.Status == HealthStatus.Healthy)
            {
                if (known)
                {
                    LogRecovered(logger, name, previous);
                }
            }
            else
            {
                LogChanged(logger, name, entry.Status, entry.Description ?? entry.Exception?.Message ?? "no description");
            }
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health check {Check} is {Status}: {Reason}")]
    private static partial void LogChanged(ILogger logger, string check, HealthStatus status, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Health check {Check} is Healthy again (was {Previous})")]
    private static partial void LogRecovered(ILogger logger, string check, HealthStatus previous);
}
