namespace AspireMsa.EventBus.Inbox;

/// <summary>
/// The highest sequence number applied for one aggregate of one publisher. A message at or below it is older than
/// what this service already applied, so it is acknowledged as superseded instead of being applied out of order.
/// <see cref="UpdatedAt"/> is when it last moved; retention forgets positions that have not moved for its age.
/// </summary>
public sealed class InboxAggregatePosition(string source, Guid aggregateId, long lastSequence)
{
    public string Source { get; private set; } = source;

    public Guid AggregateId { get; private set; } = aggregateId;

    public long LastSequence { get; private set; } = lastSequence;

    public DateTimeOffset UpdatedAt { get; private set; }
}
