using AspireMsa.Contracts;
using AspireMsa.EventBus;
using AspireMsa.Ordering.Api.Infrastructure;
using AspireMsa.Ordering.Api.Model;
using AspireMsa.Ordering.Api.Saga;
using Microsoft.EntityFrameworkCore;

namespace AspireMsa.Ordering.Api.Messaging;

/// <summary>
/// Confirms a pending order and announces it (<see cref="OrderStatusChanged"/>). Stock reserved for an order that is already cancelled (the saga timed out first) is handed
/// back: the compensation publishes <see cref="OrderCancelled"/> and Inventory releases the reservation.
/// </summary>
public sealed partial class StockReservedHandler(
    OrderingDbContext db, IOutbox outbox, OrderingMetrics metrics, TimeProvider clock, ILogger<StockReservedHandler> logger)
    : IIntegrationEventHandler<StockReserved>
{
    public async Task HandleAsync(StockReserved @event, CancellationToken cancellationToken)
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

        var now = clock.GetUtcNow();
        switch (order.Status)
        {
            case OrderStatus.Pending:
                order.Confirm("Stock reserved", now);
                await outbox.EnqueueStatusChangedAsync(order, cancellationToken);
                metrics.Confirmed(now - order.CreatedAt);
                break;
            case OrderStatus.Cancelled:
                const string reason = "Stock was reserved after the order was cancelled; asked Inventory to release it";
                order.RecordStockRelease(reason, now);
                await outbox.EnqueueAsync(new OrderCancelled(order.Id, reason) { OccurredAt = now }, order.Id, cancellationToken);
                break;
            case OrderStatus.Confirmed:
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stock was reserved for unknown order {OrderId}; ignored")]
    private static partial void LogUnknownOrder(ILogger logger, Guid orderId);
}
