using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AspireMsa.UnitTests;

/// <summary>A dependency that never answers and ignores cancellation, like a ping to a frozen Redis until the client's own timeout.</summary>
public sealed class HangingHealthCheck : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        new TaskCompletionSource<HealthCheckResult>().Task;
}
