using AspireMsa.Contracts;
using AspireMsa.EventBus.Broker;
using AspireMsa.EventBus.Inbox;
using AspireMsa.EventBus.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMsa.EventBus;

/// <summary>
/// Registers the events a service consumes, each type's queue binding following from its registration, and the events it
/// publishes or broadcasts.
/// </summary>
public sealed class EventBusBuilder(
    IServiceCollection services, Dictionary<string, ConsumerRegistration> registrations, PublishedEvents published, BroadcastEvents broadcasts)
{
    /// <summary>Lets the service's outbox take <typeparamref name="TEvent"/>; the outbox refuses an event type not declared.</summary>
    public EventBusBuilder AddPublisher<TEvent>()
        where TEvent : IntegrationEvent
    {
        published.Add(typeof(TEvent));
        return this;
    }

    /// <param name="inAggregateOrder">
    /// True (the default) for a consumer that applies state changes: an event older than the last one applied for its
    /// aggregate is skipped as superseded. False for one that records every event (analytics), where an event retried
    /// after a newer one of its aggregate must still be handled; repeats of one message are dropped either way.
    /// </param>
    public EventBusBuilder AddConsumer<TEvent, THandler>(bool inAggregateOrder = true)
        where TEvent : IntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        services.AddScoped<IIntegrationEventHandler<TEvent>, THandler>();
        var eventType = typeof(TEvent).Name;
        registrations.Add(eventType, new ConsumerRegistration(
            eventType,
            typeof(TEvent),
            (provider, @event, ct) => provider.GetRequiredService<IIntegrationEventHandler<TEvent>>().HandleAsync((TEvent)@event, ct),
            inAggregateOrder));
        return this;
    }

    /// <summary>
    /// Publishes <typeparamref name="TEvent"/> for whoever listens: no subscriber is required, so one with none yet is
    /// dropped by the exchange rather than parked in the outbox. Only for notifications no business step waits for.
    /// </summary>
    public EventBusBuilder AddBroadcast<TEvent>()
        where TEvent : IntegrationEvent
    {
        broadcasts.Add(typeof(TEvent).Name);
        return AddPublisher<TEvent>();
    }
}
