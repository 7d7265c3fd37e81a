using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AspireMsa.ServiceDefaults.Telemetry;

/// <summary>
/// Turns each periodic health report into the gauge <c>aspiremsa.health.check.status</c> (1 healthy, 0.5 degraded,
/// 0 unhealthy, one series per check), so Prometheus sees a backing service down from every service that depends on it:
/// PostgreSQL, Redis and RabbitMQ speak no Prometheus themselves.
/// </summary>
public sealed class HealthCheckMetricsPublisher : IHealthCheckPublisher
{
    public const string MeterName = "AspireMsa.Health";

    private volatile HealthReport? _latest;

    public HealthCheckMetricsPublisher(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        meterFactory.Create(MeterName).CreateObservableGauge(
            "aspiremsa.health.check.status", Observe, unit: null, "Result of each health check at its last run: 1 healthy, 0.5 degraded, 0 unhealthy.");
    }

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        _latest = report;
        return Task.CompletedTask;
    }

    private IEnumerable<Measurement<double>> Observe() =>
        _latest?.Entries.Select(entry => new Measurement<double>(
            entry.Value.Status switch
            {
                HealthStatus.Healthy => 1,
                HealthStatus.Degraded => 0.5,
                _ => 0,
            },
            new KeyValuePair<string, object?>("check", entry.Key))) ?? [];
}
