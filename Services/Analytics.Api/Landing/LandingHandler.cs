using System.Text.Json;
using AspireMsa.Analytics.Api.Infrastructure;
using AspireMsa.Contracts;
using AspireMsa.EventBus;
using Microsoft.EntityFrameworkCore;

namespace AspireMsa.Analytics.Api.Landing;

/// <summary>
/// Lands every event of one type as it is, in the inbox's transaction. The inbox drops redeliveries of one message; the
/// unique event id also drops the same event arriving in another message (a dead letter replayed, an outbox re-sent).
/// </summary>
public sealed class LandingHandler<TEvent>(AnalyticsDbContext db, TimeProvider clock) : IIntegrationEventHandler<TEvent>
    where TEvent : IntegrationEvent
{
    private static readonly string EventType = typeof(TEvent).Name;

    public async Task HandleAsync(TEvent @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var payload = JsonSerializer.Serialize(@event, JsonSerializerOptions.Web);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO landed_events (event_id, event_type, occurred_at, payload, landed_at)
            VALUES ({@event.Id}, {EventType}, {@event.OccurredAt.ToUniversalTime()}, CAST({payload} AS jsonb), {clock.GetUtcNow()})
            ON CONFLICT (event_id) DO NOTHING
            """, cancellationToken);
    }
}
