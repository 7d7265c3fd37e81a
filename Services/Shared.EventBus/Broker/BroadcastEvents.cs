namespace AspireMsa.EventBus.Broker;

/// <summary>
/// The event types a service publishes for whoever listens: sent without the mandatory flag, so while no queue is bound
/// for one the exchange drops it and the broker still confirms it. Its outbox row then counts as sent instead of being
/// returned, retried and parked; subscribers that come later receive the events from then on.
/// </summary>
public sealed class BroadcastEvents
{
    private readonly HashSet<string> _eventTypes = new(StringComparer.Ordinal);

    public void Add(string eventType) => _eventTypes.Add(eventType);

    public bool Contains(string eventType) => _eventTypes.Contains(eventType);
}
