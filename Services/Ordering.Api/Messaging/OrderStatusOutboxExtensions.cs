using AspireMsa.Contracts;
using AspireMsa.EventBus;
using AspireMsa.Ordering.Api.Model;

namespace AspireMsa.Ordering.Api.Messaging;

public static class OrderStatusOutboxExtensions
{
    /// <summary>
    /// Enqueues <see cref="OrderStatusChanged"/> for the order's latest change, taken from its history so the event says
    /// exactly what the order records. Keyed by the order, so its status events keep their order for every subscriber.
    /// </summary>
    public static Task EnqueueStatusChangedAsync(this IOutbox outbox, Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(order);

        var change = order.History[^1];
        var @event = new OrderStatusChanged(order.Id, order.BuyerId, change.Status.ToString(), change.Reason) { OccurredAt = change.At };
        return outbox.EnqueueAsync(@event, order.Id, cancellationToken);
    }
}
