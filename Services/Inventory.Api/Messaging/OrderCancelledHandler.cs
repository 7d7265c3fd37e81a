using AspireMsa.Contracts;
using AspireMsa.EventBus;
using AspireMsa.Inventory.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AspireMsa.Inventory.Api.Messaging;

/// <summary>The saga's compensation: gives back every unit still reserved for the cancelled order.</summary>
public sealed partial class OrderCancelledHandler(InventoryDbContext db, TimeProvider clock, ILogger<OrderCancelledHandler> logger)
    : IIntegrationEventHandler<OrderCancelled>
{
    public async Task HandleAsync(OrderCancelled @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var reservations = await db.Reservations
            .Where(r => r.OrderId == @event.OrderId && r.ReleasedAt == null)
            .ToListAsync(cancellationToken);
        if (reservations.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var stock = await db.LockStockAsync(reservations.Select(r => r.ProductId), cancellationToken);
        foreach (var reservation in reservations)
        {
            stock[reservation.ProductId].Release(reservation.Quantity, now);
            reservation.Release(now);
        }

        LogReleased(logger, reservations.Count, @event.OrderId, @event.Reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Released {Count} reservations of cancelled order {OrderId}: {Reason}")]
    private static partial void LogReleased(ILogger logger, int count, Guid orderId, string reason);
}
