namespace AspireMsa.EventBus.Outbox;

/// <summary>
/// The last sequence number handed out for one aggregate. Incremented with a row lock held until commit, so sequence
/// order is commit order, and kept apart from the outbox rows so purging sent rows never restarts a sequence.
/// </summary>
public sealed class AggregateSequence(Guid aggregateId, long lastSequence)
{
    public Guid AggregateId { get; private set; } = aggregateId;

    public long LastSequence { get; private set; } = lastSequence;
}
