using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AspireMsa.ServiceDefaults.Health;

/// <summary>
/// Answers a check's failure status once it runs past its timeout, even when the check ignores its cancellation token
/// (a ping to a frozen Redis waits for the client's own, longer timeout): a probe must never hang on a dependency.
/// </summary>
public sealed class TimeBoundHealthCheck(IHealthCheck inner, TimeSpan timeout) : IHealthCheck
{
    /// <summary>
    /// How long a timed-out check may take to unwind before the answer goes out. The health check service disposes the
    /// check's scope right after, and a pooled DbContext whose connection is still opening then fails to close ("Can't
    /// close, connection is in state Connecting", logged as an unhandled error); a check that honours its cancelled token
    /// ends within milliseconds. Kept well inside the gateway's 2 s probe timeout, on top of the checks' 1 s.
    /// </summary>
    private static readonly TimeSpan UnwindGrace = TimeSpan.FromMilliseconds(500);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var check = inner.CheckHealthAsync(context, cancellationToken);
        try
        {
            return await check.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            await UnwindAsync(check);
            return new HealthCheckResult(context.Registration.FailureStatus, $"No answer within {timeout.TotalSeconds:0.###} s.");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await UnwindAsync(check);
            throw;
        }
    }

    /// <summary>Waits for the abandoned check to end, at most <see cref="UnwindGrace"/>; its outcome no longer matters.</summary>
    private static async Task UnwindAsync(Task<HealthCheckResult> check)
    {
        await Task.WhenAny(check, Task.Delay(UnwindGrace));
        // Read, so that a check that failed while unwinding is not reported later as an unobserved task exception.
        _ = check.Exception;
    }
}
