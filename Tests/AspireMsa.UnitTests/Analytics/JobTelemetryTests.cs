using AspireMsa.Analytics.Api.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AspireMsa.UnitTests.Analytics;

/// <summary>A run that failed for good says so at Error, in the words the Azure Monitor rule JobRunFailed looks for; a retry does not.</summary>
public sealed class JobTelemetryTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 0, 30, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly RecordingLogger<JobTelemetry> _logger = new();
    private readonly JobTelemetry _telemetry;

    public JobTelemetryTests() => _telemetry = new JobTelemetry(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), _logger);

    [Fact]
    public void ARunThatFailedForGood_IsLoggedAtError_WithItsJobAndError()
    {
        var run = JobRun.Enqueue("lake-extract", new DateOnly(2026, 12, 6), Now);
        run.StartAttempt(Now);
        run.Fail("disk full", willRetry: false, Now);

        _telemetry.RunEnded(run);

        var (level, message) = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Error, level);
        Assert.Contains("Job run", message, StringComparison.Ordinal);
        Assert.Contains("failed for good", message, StringComparison.Ordinal);
        Assert.Contains("lake-extract", message, StringComparison.Ordinal);
        Assert.Contains("disk full", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARunThatWillBeRetried_LogsNothing()
    {
        var run = JobRun.Enqueue("lake-extract", new DateOnly(2026, 12, 6), Now);
        run.StartAttempt(Now);
        run.Fail("timeout", willRetry: true, Now);

        _telemetry.RunEnded(run);

        Assert.Empty(_logger.Entries);
    }

    public void Dispose()
    {
        _telemetry.Dispose();
        _services.Dispose();
    }
}
