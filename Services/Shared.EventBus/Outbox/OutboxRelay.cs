using System.Diagnostics;
using System.Text;
using AspireMsa.EventBus.Broker;
using AspireMsa.EventBus.Outbox.Parked;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace AspireMsa.EventBus.Outbox;

/// <summary>
/// Moves committed outbox rows to the broker. Every replica runs one: rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>
/// and a lease, so replicas share the work, and rows of a relay that died mid-batch are claimed again when the lease ends.
/// A row the broker refused <see cref="EventBusOptions.OutboxMaxAttempts"/> times is parked: left out of the rounds and
/// logged at Error, until an operator replays it (<see cref="ParkedOutbox{TContext}"/>).
/// </summary>
public sealed partial class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    BrokerPublisher publisher,
    BrokerTopology topology,
    BroadcastEvents broadcasts,
    EventBusTelemetry telemetry,
    IOptions<EventBusOptions> options,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService where TContext : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A full batch that went out completely suggests more rows are waiting; a failure waits for the retry delay.
                (int Claimed, int Failed) batch;
                do
                {
                    batch = await RelayBatchAsync(settings, stoppingToken);
                }
                while (batch.Claimed == settings.OutboxBatchSize && batch.Failed == 0);

                await ReportUnsentAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRelayFailed(logger, ex);
            }

            await signal.WaitAsync(settings.OutboxPollInterval, stoppingToken);
        }
    }

    private async Task<(int Claimed, int Failed)> RelayBatchAsync(EventBusOptions settings, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();

        // The lease uses the database clock, so replicas with skewed clocks still agree on when a claim expires.
        var claimed = await db.Set<OutboxMessage>().FromSql($"""
            UPDATE outbox_messages SET locked_until = now() + {settings.OutboxLease}, attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM outbox_messages
                WHERE sent_at IS NULL AND parked_at IS NULL AND (locked_until IS NULL OR locked_until < now())
                ORDER BY created_at, sequence
                LIMIT {settings.OutboxBatchSize}
                FOR UPDATE SKIP LOCKED)
            RETURNING *
            """).AsNoTracking().ToListAsync(cancellationToken);
        if (claimed.Count == 0)
        {
            return (0, 0);
        }

        // RETURNING has no order; one aggregate's events must leave in sequence order.
        var rows = claimed.OrderBy(m => m.CreatedAt).ThenBy(m => m.Sequence).ToList();
        var activities = new Activity?[rows.Count];
        var messages = new OutgoingMessage[rows.Count];
        var caller = Activity.Current;
        for (var i = 0; i < rows.Count; i++)
        {
            activities[i] = EventBusTelemetry.StartPublish(rows[i].Type, rows[i].TraceParent, BrokerTopology.EventsExchange);
            Activity.Current = caller;
            messages[i] = ToMessage(rows[i], activities[i]);
        }

        bool[] confirmed;
        var brokerReachable = true;
        try
        {
            confirmed = await publisher.PublishAsync(messages, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // No channel (broker down): the whole batch waits for the retry delay rather than the full lease.
            LogPublishFailed(logger, rows.Count, $"{ex.GetType().Name}: {ex.Message}");
            confirmed = new bool[rows.Count];
            brokerReachable = false;
        }

        for (var i = 0; i < rows.Count; i++)
        {
            activities[i]?.SetStatus(confirmed[i] ? ActivityStatusCode.Ok : ActivityStatusCode.Error);
            activities[i]?.Dispose();
            Activity.Current = caller;
        }

        var sent = rows.Where((_, i) => confirmed[i]).Select(m => m.Id).ToArray();
        var failed = rows.Where((_, i) => !confirmed[i]).Select(m => m.Id).ToArray();
        // Not cancelled by shutdown: a published row left unmarked would be published again.
        await db.Database.ExecuteSqlAsync(
            $"UPDATE outbox_messages SET sent_at = now(), locked_until = NULL WHERE id = ANY({sent})", CancellationToken.None);
        if (brokerReachable)
        {
            await ParkExhaustedAsync(db, rows, failed, settings.OutboxMaxAttempts);
        }

        // An unreachable broker says nothing about the message: its claim gives the attempt back, so an outage parks nothing.
        var refund = brokerReachable ? 0 : 1;
        await db.Database.ExecuteSqlAsync(
            $"UPDATE outbox_messages SET locked_until = now() + {settings.OutboxRetryDelay}, attempts = attempts - {refund} WHERE id = ANY({failed}) AND parked_at IS NULL",
            CancellationToken.None);

        telemetry.Published.Add(sent.Length);
        return (rows.Count, failed.Length);
    }

    private async Task ParkExhaustedAsync(TContext db, List<OutboxMessage> rows, Guid[] failed, int maxAttempts)
    {
        var parked = await db.Database.SqlQuery<Guid>($"""
            UPDATE outbox_messages SET parked_at = now(), locked_until = NULL
            WHERE id = ANY({failed}) AND attempts >= {maxAttempts}
            RETURNING id AS "Value"
            """).ToListAsync(CancellationToken.None);
        foreach (var row in rows.Where(r => parked.Contains(r.Id)))
        {
            LogParked(logger, row.Id, row.Type, row.AggregateId, row.Attempts);
        }
    }

    private async Task ReportUnsentAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        // One scan for all three figures, on every loop. Parked rows wait for an operator, not for the relay: they have
        // their own gauge and alert, not the lag's.
        var backlog = (await db.Database.SqlQuery<OutboxBacklog>($"""
            SELECT count(*) FILTER (WHERE parked_at IS NULL) AS "Unsent",
                   min(created_at) FILTER (WHERE parked_at IS NULL) AS "OldestUnsentAt",
                   count(*) FILTER (WHERE parked_at IS NOT NULL) AS "Parked"
            FROM outbox_messages WHERE sent_at IS NULL
            """).ToListAsync(cancellationToken)).Single();
        telemetry.ReportOutbox(backlog.Unsent, backlog.OldestUnsentAt, backlog.Parked);
    }

    private OutgoingMessage ToMessage(OutboxMessage row, Activity? span)
    {
        var properties = new BasicProperties
        {
            MessageId = row.Id.ToString(),
            Type = row.Type,
            AppId = topology.ServiceName,
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
            Timestamp = new AmqpTimestamp(row.CreatedAt.ToUnixTimeSeconds()),
            Headers = new Dictionary<string, object?>
            {
                [MessageHeaders.AggregateId] = row.AggregateId.ToString(),
                [MessageHeaders.Sequence] = row.Sequence,
                [MessageHeaders.TraceParent] = span?.Id ?? row.TraceParent,
            },
        };
        return new OutgoingMessage(BrokerTopology.EventsExchange, row.Type, properties, Encoding.UTF8.GetBytes(row.Payload), span,
            Mandatory: !broadcasts.Contains(row.Type));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox relay failed; it tries again at the next poll")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Parked outbox message {MessageId} ({Type}, aggregate {AggregateId}) after {Attempts} failed publishes; replay it with POST …/admin/outbox/parked/replay once the cause is fixed")]
    private static partial void LogParked(ILogger logger, Guid messageId, string type, Guid aggregateId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {Count} outbox messages failed, retried after the retry delay: {Reason}")]
    private static partial void LogPublishFailed(ILogger logger, int count, string reason);
}
