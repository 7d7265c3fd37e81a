using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AspireMsa.ServiceDefaults.Health;

/// <summary>
/// Answers a check's failure status once it runs past its timeout, even when the check ignores its cancellation token
/// (a ping to a frozen Redis waits for the client's own, longer timeout): a probe must never hang on a dependency.
/// </summary>
public sealed class TimeBoundHealthCheck(IHealthCheck inner, TimeSpan timeout) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return await inner.CheckHealthAsync(context, cancellationToken).WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"No answer within {timeout.TotalSeconds:0.###} s.");
        }
    }
}
