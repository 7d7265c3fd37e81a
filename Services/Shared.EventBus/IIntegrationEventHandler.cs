using AspireMsa.Contracts;

namespace AspireMsa.EventBus;

/// <summary>
/// Handles one kind of event. Runs inside the inbox transaction of the service's DbContext: whatever the handler changes,
/// and every event it enqueues through <see cref="IOutbox"/>, commits together with the inbox row, or not at all.
/// </summary>
public interface IIntegrationEventHandler<in TEvent> where TEvent : IntegrationEvent
{
    Task HandleAsync(TEvent @event, CancellationToken cancellationToken);
}
