using AspireMsa.Analytics.Api.Infrastructure;
using Hangfire;

namespace AspireMsa.Analytics.Api.Jobs;

/// <summary>
/// Starts a run of a named job for a day, whoever asks (an operator through the API, or the daily schedule): the run is
/// recorded first, then handed to Hangfire, so the history knows every run Hangfire was asked to do.
/// </summary>
public sealed class JobRunStarter(AnalyticsDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
{
    /// <summary>The jobs there are, by the name the API and the schedule use.</summary>
    public static readonly IReadOnlySet<string> JobNames = new HashSet<string>(StringComparer.Ordinal) { LakeExtractJob.Name, DailySalesWorkflow.Name };

    public async Task<JobRun> StartAsync(string jobName, DateOnly day, CancellationToken cancellationToken)
    {
        if (!JobNames.Contains(jobName))
        {
            throw new ArgumentOutOfRangeException(nameof(jobName), jobName, "No such job.");
        }

        var now = clock.GetUtcNow();
        var run = jobName == DailySalesWorkflow.Name
            ? JobRun.EnqueueWorkflow(jobName, day, DailySalesWorkflow.Steps, now)
            : JobRun.Enqueue(jobName, day, now);
        db.JobRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        var runId = run.Id;
        if (jobName == DailySalesWorkflow.Name)
        {
            DailySalesWorkflow.Enqueue(jobs, runId);
        }
        else
        {
            jobs.Enqueue<LakeExtractJob>(job => job.RunAsync(runId, CancellationToken.None));
        }

        return run;
    }

    /// <summary>One run per day from <paramref name="from"/> to <paramref name="to"/>, oldest first.</summary>
    public async Task<IReadOnlyList<JobRun>> StartEachDayAsync(string jobName, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var runs = new List<JobRun>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            runs.Add(await StartAsync(jobName, day, cancellationToken));
        }

        return runs;
    }

    /// <summary>The daily schedule's entry point: yesterday is the last whole UTC day.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task StartForYesterdayAsync(string jobName)
    {
        var yesterday = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1);
        await StartAsync(jobName, yesterday, CancellationToken.None);
    }
}
