using System.Globalization;
using AspireMsa.Contracts;
using AspireMsa.EventBus;
using AspireMsa.Inventory.Api.Infrastructure;
using AspireMsa.Inventory.Api.Model;

namespace AspireMsa.Inventory.Api.Messaging;

/// <summary>
/// Reserves stock for every line of a new order, or for none of them, and answers with <see cref="StockReserved"/> or
/// <see cref="StockRejected"/>. The stock rows stay locked until the inbox transaction commits, so concurrent orders
/// (on either replica) see each other's reservations and stock is never promised twice.
/// </summary>
public sealed class OrderPlacedHandler(InventoryDbContext db, IOutbox outbox, TimeProvider clock) : IIntegrationEventHandler<OrderPlaced>
{
    public async Task HandleAsync(OrderPlaced @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var now = clock.GetUtcNow();
        var lines = @event.Lines.GroupBy(l => l.ProductId).Select(g => (ProductId: g.Key, Quantity: g.Sum(l => l.Quantity))).ToList();
        var stock = await db.LockStockAsync(lines.Select(l => l.ProductId), cancellationToken);

        var problems = lines.Select(l => Problem(l.ProductId, l.Quantity, stock.GetValueOrDefault(l.ProductId))).OfType<string>().ToList();
        if (lines.Count == 0 || problems.Count > 0)
        {
            var reason = lines.Count == 0 ? "The order has no lines." : string.Join("; ", problems);
            await outbox.EnqueueAsync(new StockRejected(@event.OrderId, reason) { OccurredAt = now }, @event.OrderId, cancellationToken);
            return;
        }

        // Cannot fail: every line was checked above, and the rows stay locked until the commit.
        foreach (var (productId, quantity) in lines)
        {
            stock[productId].TryReserve(quantity, now);
            db.Reservations.Add(new StockReservation(@event.OrderId, productId, quantity, now));
        }

        await outbox.EnqueueAsync(new StockReserved(@event.OrderId) { OccurredAt = now }, @event.OrderId, cancellationToken);
    }

    private static string? Problem(Guid productId, int quantity, StockItem? item) => item switch
    {
        _ when quantity <= 0 => string.Create(CultureInfo.InvariantCulture, $"product {productId}: quantity {quantity} is not positive"),
        null => $"product {productId}: no stock is recorded",
        { Available: var available } when available < quantity =>
            string.Create(CultureInfo.InvariantCulture, $"product {productId}: {quantity} requested, {available} available"),
        _ => null,
    };
}
