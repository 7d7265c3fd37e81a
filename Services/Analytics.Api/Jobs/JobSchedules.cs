using Hangfire;

namespace AspireMsa.Analytics.Api.Jobs;

/// <summary>
/// Registers each job's schedule with Hangfire at start-up (Hangfire keeps recurring jobs in its storage, so every replica
/// registering the same one is harmless): <c>lake-extract</c> runs for the day before, shortly after each UTC midnight.
/// </summary>
public sealed class JobSchedules(IRecurringJobManager recurringJobs) : IHostedService
{
    public const string LakeExtractCron = "15 0 * * *";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<JobRunStarter>(
            LakeExtractJob.Name,
            starter => starter.StartForYesterdayAsync(LakeExtractJob.Name),
            LakeExtractCron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
