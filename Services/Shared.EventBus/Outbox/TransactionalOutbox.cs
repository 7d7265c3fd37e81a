using System.Diagnostics;
using System.Text.Json;
using AspireMsa.Contracts;
using Microsoft.EntityFrameworkCore;

namespace AspireMsa.EventBus.Outbox;

/// <summary>Writes outbox rows through the service's own scoped DbContext, inside its open transaction.</summary>
public sealed class TransactionalOutbox<TContext>(TContext db, PublishedEvents published, TimeProvider clock) : IOutbox where TContext : DbContext
{
    public async Task EnqueueAsync(IntegrationEvent @event, Guid aggregateId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        // Undeclared, the event would be missing from the service's capability manifest and the hub's list of publishers.
        if (!published.Contains(@event.GetType()))
        {
            throw new InvalidOperationException(
                $"{@event.GetType().Name} is not declared as published; add AddPublisher<{@event.GetType().Name}>() to the service's AddEventBus.");
        }

        // Without the caller's transaction the event could commit without the state change, or the other way round.
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Events must be enqueued inside a transaction; use ExecuteInTransactionAsync.");
        }

        // The upsert locks the aggregate's counter until commit, so concurrent writers get sequences in commit order.
        var sequence = (await db.Database.SqlQuery<long>($"""
            INSERT INTO outbox_sequences AS s (aggregate_id, last_sequence) VALUES ({aggregateId}, 1)
            ON CONFLICT (aggregate_id) DO UPDATE SET last_sequence = s.last_sequence + 1
            RETURNING s.last_sequence AS "Value"
            """).ToListAsync(cancellationToken)).Single();

        var payload = JsonSerializer.Serialize(@event, @event.GetType(), JsonSerializerOptions.Web);
        db.Set<OutboxMessage>().Add(new OutboxMessage(
            @event.Id, @event.GetType().Name, payload, aggregateId, sequence, Activity.Current?.Id, clock.GetUtcNow()));
    }
}
