using System.Diagnostics;
using AspireMsa.Analytics.Api.Infrastructure;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace AspireMsa.Analytics.Api.Jobs;

/// <summary>
/// <c>lake-extract</c>: one UTC day of landed events into the lake (<see cref="LakeExtractor"/>), one step per event type.
/// </summary>
public sealed partial class LakeExtractJob(
    AnalyticsDbContext db, LakeExtractor extractor, JobTelemetry telemetry, TimeProvider clock, ILogger<LakeExtractJob> logger)
{
    public const string Name = "lake-extract";

    /// <summary>Retries after a failed attempt; the delays back off (10 s, 1 min, 5 min).</summary>
    public const int Retries = 3;

    [AutomaticRetry(Attempts = Retries, DelaysInSeconds = new[] { 10, 60, 300 }, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [JobDisplayName("lake-extract run {0}")]
    public async Task RunAsync(Guid runId, CancellationToken cancellationToken)
    {
        var run = await db.JobRuns.FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null or { State: JobRunState.Succeeded })
        {
            // Hangfire delivers a job at least once: a run already done is not done again.
            return;
        }

        run.StartAttempt(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        using var activity = JobTelemetry.StartRun(run);
        try
        {
            await extractor.ExtractDayAsync(run.Day, run.Id, (table, rows, duration) =>
            {
                run.RecordStep(table.Name, rows, duration);
                telemetry.StepDone(Name, table.Name, rows, duration);
            }, cancellationToken);

            run.Succeed(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            telemetry.RunEnded(run);
            LogSucceeded(logger, run.Day, run.Id, run.Steps.Sum(s => s.Rows));
        }
        catch (Exception ex)
        {
            // Recorded before Hangfire schedules the retry, so the history shows every failed attempt and why.
            var willRetry = run.Attempts <= Retries;
            run.Fail(ex.Message, willRetry, clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            telemetry.RunEnded(run);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "lake-extract of {Day} (run {RunId}) wrote {Rows} rows")]
    private static partial void LogSucceeded(ILogger logger, DateOnly day, Guid runId, long rows);
}
