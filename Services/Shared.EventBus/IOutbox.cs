using AspireMsa.Contracts;

namespace AspireMsa.EventBus;

/// <summary>
/// Records an event in the service's <c>outbox_messages</c> table, in the open transaction of its DbContext;
/// the outbox relay publishes it after the commit.
/// </summary>
public interface IOutbox
{
    /// <param name="aggregateId">The entity the event is about; consumers apply the events of one aggregate in sequence order.</param>
    Task EnqueueAsync(IntegrationEvent @event, Guid aggregateId, CancellationToken cancellationToken);
}
