using AspireMsa.Contracts;
using AspireMsa.EventBus.Broker;
using AspireMsa.EventBus.Inbox;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMsa.EventBus;

/// <summary>
/// Registers the events a service consumes, each type's queue binding following from its registration, and the events it
/// broadcasts.
/// </summary>
public sealed class EventBusBuilder(
    IServiceCollection services, Dictionary<string, ConsumerRegistration> registrations, BroadcastEvents broadcasts)
{
    public EventBusBuilder AddConsumer<TEvent, THandler>()
        where TEvent : IntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        services.AddScoped<IIntegrationEventHandler<TEvent>, THandler>();
        var eventType = typeof(TEvent).Name;
        registrations.Add(eventType, new ConsumerRegistration(
            eventType,
            typeof(TEvent),
            (provider, @event, ct) => provider.GetRequiredService<IIntegrationEventHandler<TEvent>>().HandleAsync((TEvent)@event, ct)));
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
        return this;
    }
}
