using System.Diagnostics;
using AspireMsa.Analytics.Api.Infrastructure;
using AspireMsa.Analytics.Api.Lake;
using AspireMsa.Analytics.Api.Marts;
using AspireMsa.Analytics.Api.Warehouse;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace AspireMsa.Analytics.Api.Jobs;

/// <summary>
/// The steps of <see cref="DailySalesWorkflow"/>, each recording its attempts in its own row of the run history before
/// Hangfire retries it, so the history shows which step failed, why, and that its retry succeeded.
/// </summary>
public sealed partial class DailySalesSteps(
    AnalyticsDbContext db,
    LakeExtractor extractor,
    LakeWriter lake,
    WarehouseFile warehouse,
    StarSchema schema,
    CatalogClient catalog,
    MartBuilder marts,
    JobTelemetry telemetry,
    TimeProvider clock,
    ILogger<DailySalesSteps> logger)
{
    /// <summary>Retries after a failed attempt of a step; the delays back off (10 s, 1 min, 5 min), as <c>lake-extract</c>'s.</summary>
    public const int Retries = 3;

    /// <summary>Builds swap one file and share its build name: one at a time, a waiting one giving up after this.</summary>
    private const int BuildConcurrencyTimeoutSeconds = 600;

    [AutomaticRetry(Attempts = Retries, DelaysInSeconds = new[] { 10, 60, 300 }, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [JobDisplayName("daily-sales extract, run {0}")]
    public Task ExtractAsync(Guid runId, CancellationToken cancellationToken) =>
        RunStepAsync(runId, DailySalesWorkflow.ExtractStep, async run =>
        {
            long rows = 0;
            await extractor.ExtractDayAsync(run.Day, run.Id, (_, tableRows, _) => rows += tableRows, cancellationToken);
            return rows;
        }, cancellationToken);

    [AutomaticRetry(Attempts = Retries, DelaysInSeconds = new[] { 10, 60, 300 }, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [DisableConcurrentExecution(BuildConcurrencyTimeoutSeconds)]
    [JobDisplayName("daily-sales warehouse, run {0}")]
    public Task BuildWarehouseAsync(Guid runId, CancellationToken cancellationToken) =>
        RunStepAsync(runId, DailySalesWorkflow.WarehouseStep, async run =>
        {
            var products = await catalog.ListAsync(cancellationToken);
            return await warehouse.ReplaceAsync(
                (connection, ct) => schema.BuildAsync(connection, lake.Root, products, run.Id, clock.GetUtcNow(), ct), cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// Mart builds take turns, as warehouse builds do (they share the marts' build files). A warehouse swapped in meanwhile
    /// does not disturb one: each mart copies a whole warehouse, the one current when the mart began.
    /// </summary>
    [AutomaticRetry(Attempts = Retries, DelaysInSeconds = new[] { 10, 60, 300 }, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [DisableConcurrentExecution(BuildConcurrencyTimeoutSeconds)]
    [JobDisplayName("daily-sales marts, run {0}")]
    public Task BuildMartsAsync(Guid runId, CancellationToken cancellationToken) =>
        RunStepAsync(runId, DailySalesWorkflow.MartsStep, async run =>
        {
            var grants = await db.DatasetGrants.AsNoTracking().ToListAsync(cancellationToken);
            return await marts.BuildAllAsync(grants, run.Id, clock.GetUtcNow(), cancellationToken);
        }, cancellationToken);

    /// <summary>Runs one step's attempt around <paramref name="work"/>, which returns the rows the step wrote.</summary>
    private async Task RunStepAsync(Guid runId, string step, Func<JobRun, Task<long>> work, CancellationToken cancellationToken)
    {
        var run = await db.JobRuns.FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null || run.Steps.Any(s => s.Name == step && s.State == JobRunState.Succeeded))
        {
            // Hangfire delivers a job at least once: a step already done is not done again.
            return;
        }

        var attempt = run.StartStep(step, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        using var activity = JobTelemetry.StartRun(run, step);
        var watch = Stopwatch.StartNew();
        try
        {
            var rows = await work(run);
            run.SucceedStep(step, rows, watch.Elapsed, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            telemetry.StepDone(DailySalesWorkflow.Name, step, rows, watch.Elapsed);
            if (run.State == JobRunState.Succeeded)
            {
                telemetry.RunEnded(run);
            }

            LogStepSucceeded(logger, step, run.Day, run.Id, rows);
        }
        catch (Exception ex)
        {
            // Recorded before Hangfire schedules the retry, so the history shows every failed attempt and why.
            run.FailStep(step, ex.Message, willRetry: attempt.Attempts <= Retries, watch.Elapsed, clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            telemetry.RunEnded(run);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "daily-sales step {Step} of {Day} (run {RunId}) wrote {Rows} rows")]
    private static partial void LogStepSucceeded(ILogger logger, string step, DateOnly day, Guid runId, long rows);
}
