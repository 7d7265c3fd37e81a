using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMsa.EventBus.Outbox.Parked;

public sealed class ParkedOutbox<TContext>(IServiceScopeFactory scopes, OutboxSignal signal) : IParkedOutbox where TContext : DbContext
{
    public async Task<ParkedOutboxListResponse> ListAsync(int max, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var parked = scope.ServiceProvider.GetRequiredService<TContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.SentAt == null && m.ParkedAt != null);
        var items = await parked
            .OrderBy(m => m.ParkedAt).ThenBy(m => m.Id)
            .Take(max)
            .Select(m => new ParkedOutboxMessageResponse(m.Id, m.Type, m.AggregateId, m.Sequence, m.Attempts, m.CreatedAt, m.ParkedAt!.Value, m.Payload))
            .ToListAsync(cancellationToken);
        return new ParkedOutboxListResponse(await parked.LongCountAsync(cancellationToken), items);
    }

    public async Task<ParkedOutboxReplayResponse> ReplayAsync(Guid? messageId, int max, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        // The row keeps its id and sequence, so consumers still recognise a copy that did reach them and keep the order.
        var replayed = await db.Database.ExecuteSqlAsync($"""
            UPDATE outbox_messages SET parked_at = NULL, attempts = 0, locked_until = NULL
            WHERE id IN (
                SELECT id FROM outbox_messages
                WHERE sent_at IS NULL AND parked_at IS NOT NULL AND ({messageId}::uuid IS NULL OR id = {messageId})
                ORDER BY parked_at, id
                LIMIT {max}
                FOR UPDATE)
            """, cancellationToken);
        if (replayed > 0)
        {
            signal.Notify();
        }

        return new ParkedOutboxReplayResponse(replayed);
    }
}
