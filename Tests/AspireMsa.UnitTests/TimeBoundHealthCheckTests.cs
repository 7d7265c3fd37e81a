using AspireMsa.ServiceDefaults.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AspireMsa.UnitTests;

public class TimeBoundHealthCheckTests
{
    [Fact]
    public async Task ACheckThatHangs_AnswersDegradedWithinItsTimeout_EvenIfItIgnoresCancellation()
    {
        var check = new TimeBoundHealthCheck(new HangingHealthCheck(), TimeSpan.FromMilliseconds(200));
        var context = new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("redis", check, HealthStatus.Degraded, tags: null),
        };

        var result = await check.CheckHealthAsync(context).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HealthStatus.Degraded, result.Status);
    }

    /// <summary>
    /// The health check service disposes the check's scope as soon as the answer is out, so a check cancelled at its
    /// timeout (a DbContext still opening its connection) must have unwound first, or the scope's disposal fails.
    /// </summary>
    [Fact]
    public async Task ACheckCancelledAtItsTimeout_HasUnwoundBeforeTheAnswer()
    {
        var unwinding = new UnwindingHealthCheck();
        var check = new TimeBoundHealthCheck(unwinding, TimeSpan.FromMilliseconds(200));
        var context = new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("postgres", check, HealthStatus.Degraded, tags: null),
        };
        // As the health check service does with a registration's timeout.
        using var registrationTimeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var answer = await Record.ExceptionAsync(() => check.CheckHealthAsync(context, registrationTimeout.Token));

        Assert.True(answer is null or OperationCanceledException, $"Unexpected {answer}");
        Assert.True(unwinding.Unwound, "The answer went out while the cancelled check was still unwinding.");
    }

    [Fact]
    public void BackgroundServiceBackoff_DoublesPerFailure_UpToItsCap()
    {
        var interval = TimeSpan.FromSeconds(5);
        var cap = TimeSpan.FromSeconds(30);

        Assert.Equal(
            [5, 5, 10, 20, 30, 30],
            new[] { 0, 1, 2, 3, 4, 60 }.Select(failures => BackgroundServiceHealth.Backoff(interval, failures, cap).TotalSeconds));
    }

    private sealed class UnwindingHealthCheck : IHealthCheck
    {
        public bool Unwound { get; private set; }

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return HealthCheckResult.Healthy();
            }
            finally
            {
                // Closing what was being opened takes a moment.
                await Task.Delay(50, CancellationToken.None);
                Unwound = true;
            }
        }
    }
}
