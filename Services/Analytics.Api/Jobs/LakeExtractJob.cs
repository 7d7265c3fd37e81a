using System.Diagnostics;
using AspireMsa.Analytics.Api.Infrastructure;
using AspireMsa.Analytics.Api.Lake;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace AspireMsa.Analytics.Api.Jobs;

/// <summary>
/// <c>lake-extract</c>: compacts one UTC day of landed events (by the time they occurred) into the lake, one partition per
/// event type, each replaced whole. Every table is written, an empty day too, so a re-run also clears a day that emptied.
/// </summary>
public sealed partial class LakeExtractJob(
    AnalyticsDbContext db, LakeWriter lake, JobTelemetry telemetry, TimeProvider clock, ILogger<LakeExtractJob> logger)
{
    public const string Name = "lake-extract";

    /// <summary>Retries after a failed attempt; the delays back off (10 s, 1 min, 5 min).</summary>
    public const int Retries = 3;

    /// <summary>
    /// Two runs of one day at once would each delete the other's new file; one extract at a time is plenty for a day's events.
    /// </summary>
    private const int ConcurrencyTimeoutSeconds = 600;

    [AutomaticRetry(Attempts = Retries, DelaysInSeconds = new[] { 10, 60, 300 }, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [DisableConcurrentExecution(ConcurrencyTimeoutSeconds)]
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
            foreach (var table in LakeTables.All)
            {
                var watch = Stopwatch.StartNew();
                var events = await EventsOfDayAsync(table.EventType, run.Day, cancellationToken);
                var rows = await lake.ReplacePartitionAsync(table, run.Day, run.Id, events, cancellationToken);
                run.RecordStep(table.Name, rows, watch.Elapsed);
                telemetry.StepDone(Name, table.Name, rows, watch.Elapsed);
            }

            run.Succeed(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            telemetry.RunEnded(Name, JobRunState.Succeeded);
            LogSucceeded(logger, run.Day, run.Id, run.Steps.Sum(s => s.Rows));
        }
        catch (Exception ex)
        {
            // Recorded before Hangfire schedules the retry, so the history shows every failed attempt and why.
            var willRetry = run.Attempts <= Retries;
            run.Fail(ex.Message, willRetry, clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            telemetry.RunEnded(Name, run.State);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
    }

    private async Task<List<LakeEvent>> EventsOfDayAsync(string eventType, DateOnly day, CancellationToken cancellationToken)
    {
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = from.AddDays(1);
        return await db.LandedEvents.AsNoTracking()
            .Where(e => e.EventType == eventType && e.OccurredAt >= from && e.OccurredAt < to)
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(e => new LakeEvent(e.EventId, e.OccurredAt, e.LandedAt, e.Payload))
            .ToListAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "lake-extract of {Day} (run {RunId}) wrote {Rows} rows")]
    private static partial void LogSucceeded(ILogger logger, DateOnly day, Guid runId, long rows);
}
