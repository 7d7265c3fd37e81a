using Hangfire;

namespace AspireMsa.Analytics.Api.Jobs;

/// <summary>
/// Registers each job's schedule with Hangfire at start-up (Hangfire keeps recurring jobs in its storage, so every replica
/// registering the same one is harmless): each runs for the day before, shortly after each UTC midnight, <c>daily-sales</c>
/// after <c>lake-extract</c> (both write the day's lake partitions, so the second one simply waits for the first's lock).
/// </summary>
public sealed class JobSchedules(IRecurringJobManager recurringJobs) : IHostedService
{
    public const string LakeExtractCron = "15 0 * * *";
    public const string DailySalesCron = "30 0 * * *";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<JobRunStarter>(
            LakeExtractJob.Name,
            starter => starter.StartForYesterdayAsync(LakeExtractJob.Name),
            LakeExtractCron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        recurringJobs.AddOrUpdate<JobRunStarter>(
            DailySalesWorkflow.Name,
            starter => starter.StartForYesterdayAsync(DailySalesWorkflow.Name),
            DailySalesCron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
