namespace AspireMsa.EventBus.Outbox;

/// <summary>
/// The event types a service declared it publishes (<see cref="EventBusBuilder.AddPublisher{TEvent}"/>). The outbox
/// refuses any other, so the list the capability manifest shows is the one the code really publishes.
/// </summary>
public sealed class PublishedEvents
{
    private readonly HashSet<Type> _types = [];

    public IReadOnlyCollection<Type> Types => _types;

    public void Add(Type eventType) => _types.Add(eventType);

    public bool Contains(Type eventType) => _types.Contains(eventType);
}
