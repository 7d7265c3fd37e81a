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

    [Fact]
    public void BackgroundServiceBackoff_DoublesPerFailure_UpToItsCap()
    {
        var interval = TimeSpan.FromSeconds(5);
        var cap = TimeSpan.FromSeconds(30);

        Assert.Equal(
            [5, 5, 10, 20, 30, 30],
            new[] { 0, 1, 2, 3, 4, 60 }.Select(failures => BackgroundServiceHealth.Backoff(interval, failures, cap).TotalSeconds));
    }
}
