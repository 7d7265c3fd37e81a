using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AspireMsa.ServiceDefaults.Health;

/// <summary>Degraded while any background service's last round failed: it still runs and retries, so the service stays in rotation.</summary>
public sealed class BackgroundServiceHealthCheck(BackgroundServiceHealth health) : IHealthCheck
{
    public const string Name = "background-services";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failing = health.Services.Where(service => service.Value.ConsecutiveFailures > 0).ToArray();
        var data = health.Services.ToDictionary(
            service => service.Key,
            service => (object)(service.Value.ConsecutiveFailures > 0
                ? $"{service.Value.ConsecutiveFailures} failed rounds since {service.Value.Since:O}: {service.Value.LastError}"
                : $"running since {service.Value.Since:O}"));
        return Task.FromResult(failing.Length == 0
            ? HealthCheckResult.Healthy(data: data)
            : HealthCheckResult.Degraded($"Retrying: {string.Join(", ", failing.Select(service => service.Key))}", data: data));
    }
}
