using AspireMsa.Contracts;
using AspireMsa.EventBus.Inbox;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMsa.EventBus;

/// <summary>Registers the events a service consumes; each type's queue binding follows from its registration.</summary>
public sealed class EventBusBuilder(IServiceCollection services, Dictionary<string, ConsumerRegistration> registrations)
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
}
