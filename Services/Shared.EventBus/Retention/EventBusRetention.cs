using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AspireMsa.EventBus.Retention;

/// <summary>
/// Keeps the bus's tables from growing for ever: every <see cref="EventBusOptions.RetentionInterval"/> it deletes sent
/// outbox rows, inbox rows and aggregate positions older than <see cref="EventBusOptions.RetentionAge"/>, far beyond any
/// redelivery or retry window. Unsent and parked rows always stay. Batches with <c>SKIP LOCKED</c> keep locks short and let
/// replicas purge side by side; a failed round is logged and the next one tries again.
/// </summary>
public sealed partial class EventBusRetention<TContext>(
    IServiceScopeFactory scopes, IOptions<EventBusOptions> options, ILogger<EventBusRetention<TContext>> logger)
    : BackgroundService where TContext : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The migration may still be running; the first round waits one interval.
        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.RetentionInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TContext>();
                var (age, batch) = (settings.RetentionAge, settings.RetentionBatchSize);
                // A NULL timestamp (an unsent or parked outbox row) never compares as old, so it stays.
                var outbox = await PurgeAsync(db, batch, () => $"""
                    DELETE FROM outbox_messages WHERE id IN (
                        SELECT id FROM outbox_messages WHERE sent_at < now() - {age} LIMIT {batch} FOR UPDATE SKIP LOCKED)
                    """, stoppingToken);
                var inbox = await PurgeAsync(db, batch, () => $"""
                    DELETE FROM inbox_messages WHERE message_id IN (
                        SELECT message_id FROM inbox_messages WHERE received_at < now() - {age} LIMIT {batch} FOR UPDATE SKIP LOCKED)
                    """, stoppingToken);
                var positions = await PurgeAsync(db, batch, () => $"""
                    DELETE FROM inbox_aggregate_positions WHERE (source, aggregate_id) IN (
                        SELECT source, aggregate_id FROM inbox_aggregate_positions WHERE updated_at < now() - {age} LIMIT {batch} FOR UPDATE SKIP LOCKED)
                    """, stoppingToken);
                if (outbox + inbox + positions > 0)
                {
                    LogPurged(logger, outbox, inbox, positions, settings.RetentionAge);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPurgeFailed(logger, ex);
            }
        }
    }

    private static async Task<long> PurgeAsync(TContext db, int batch, Func<FormattableString> deleteBatch, CancellationToken cancellationToken)
    {
        long total = 0;
        int deleted;
        do
        {
            deleted = await db.Database.ExecuteSqlAsync(deleteBatch(), cancellationToken);
            total += deleted;
        }
        while (deleted == batch);

        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Outbox} sent outbox rows, {Inbox} inbox rows and {Positions} aggregate positions older than {Age}")]
    private static partial void LogPurged(ILogger logger, long outbox, long inbox, long positions, TimeSpan age);

    [LoggerMessage(Level = LogLevel.Error, Message = "Purging old event-bus rows failed; the next round tries again")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
