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
    public static readonly IReadOnlySet<string> JobNames = new HashSet<string>(StringComparer.Ordinal) { LakeExtractJob.Name };

    public async Task<JobRun> StartAsync(string jobName, DateOnly day, CancellationToken cancellationToken)
    {
        if (!JobNames.Contains(jobName))
        {
            throw new ArgumentOutOfRangeException(nameof(jobName), jobName, "No such job.");
        }

        var run = JobRun.Enqueue(jobName, day, clock.GetUtcNow());
        db.JobRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        var runId = run.Id;
        jobs.Enqueue<LakeExtractJob>(job => job.RunAsync(runId, CancellationToken.None));
        return run;
    }

    /// <summary>The daily schedule's entry point: yesterday is the last whole UTC day.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task StartForYesterdayAsync(string jobName)
    {
        var yesterday = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1);
        await StartAsync(jobName, yesterday, CancellationToken.None);
    }
}
