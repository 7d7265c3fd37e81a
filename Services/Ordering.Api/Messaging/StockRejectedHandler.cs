using AspireMsa.Contracts;
using AspireMsa.EventBus;
using AspireMsa.Ordering.Api.Infrastructure;
using AspireMsa.Ordering.Api.Model;
using AspireMsa.Ordering.Api.Saga;
using Microsoft.EntityFrameworkCore;

namespace AspireMsa.Ordering.Api.Messaging;

/// <summary>
/// Cancels a pending order whose stock could not be reserved and announces it (<see cref="OrderStatusChanged"/>);
/// Inventory reserved none of it, so nothing is released.
/// </summary>
public sealed partial class StockRejectedHandler(
    OrderingDbContext db, IOutbox outbox, OrderingMetrics metrics, TimeProvider clock, ILogger<StockRejectedHandler> logger)
    : IIntegrationEventHandler<StockRejected>
{
    public async Task HandleAsync(StockRejected @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        // Lines and history load with the order in one round trip.
        var order = await db.Orders.AsSingleQuery().FirstOrDefaultAsync(o => o.Id == @event.OrderId, cancellationToken);
        if (order is null)
        {
            // Retrying cannot make an order appear that this service never placed.
            LogUnknownOrder(logger, @event.OrderId);
            return;
        }

        // A cancelled order (saga timeout) stays cancelled; a rejection never follows a reservation.
        if (order.Status == OrderStatus.Pending)
        {
            var now = clock.GetUtcNow();
            order.Cancel(OrderRules.Reason($"Stock rejected: {@event.Reason}"), now);
            await outbox.EnqueueStatusChangedAsync(order, cancellationToken);
            metrics.Cancelled("rejected", now - order.CreatedAt);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stock was rejected for unknown order {OrderId}; ignored")]
    private static partial void LogUnknownOrder(ILogger logger, Guid orderId);
}
