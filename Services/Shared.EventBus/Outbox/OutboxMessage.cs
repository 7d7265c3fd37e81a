namespace AspireMsa.EventBus.Outbox;

/// <summary>
/// One row of <c>outbox_messages</c>: an event written in the same transaction as the state change it announces.
/// <see cref="SentAt"/> stays empty until the broker confirmed it; <see cref="LockedUntil"/> hides it from other relays meanwhile;
/// <see cref="ParkedAt"/> takes it out of the relay's rounds after too many failed publishes, until an operator replays it.
/// </summary>
public sealed class OutboxMessage(
    Guid id, string type, string payload, Guid aggregateId, long sequence, string? traceParent, DateTimeOffset createdAt)
{
    public const int TypeMaxLength = 200;
    public const int TraceParentMaxLength = 128;

    public Guid Id { get; private set; } = id;

    public string Type { get; private set; } = type;

    /// <summary>The event as JSON, stored as <c>jsonb</c>.</summary>
    public string Payload { get; private set; } = payload;

    public Guid AggregateId { get; private set; } = aggregateId;

    /// <summary>1, 2, 3… per aggregate, in commit order: consumers use it to apply one aggregate's events in order.</summary>
    public long Sequence { get; private set; } = sequence;

    /// <summary>The W3C trace context of the code that wrote the row, so the publish continues its trace.</summary>
    public string? TraceParent { get; private set; } = traceParent;

    public DateTimeOffset CreatedAt { get; private set; } = createdAt;

    public DateTimeOffset? SentAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public DateTimeOffset? ParkedAt { get; private set; }
}
