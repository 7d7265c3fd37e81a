using AspireMsa.EventBus.Inbox;
using AspireMsa.EventBus.Outbox;
using AspireMsa.ServiceDefaults.Capabilities;

namespace AspireMsa.EventBus;

/// <summary>The service's events for its capability manifest, read from the bus's own registrations.</summary>
public sealed class EventBusCapabilityEvents(
    string source, PublishedEvents published, IReadOnlyDictionary<string, ConsumerRegistration> consumers) : ICapabilityEvents
{
    public string Source => source;

    public IReadOnlyCollection<Type> Published => published.Types;

    public IReadOnlyCollection<Type> Consumed => [.. consumers.Values.Select(consumer => consumer.ClrType)];
}
