namespace AspireMsa.Inventory.Api.Model;

/// <summary>
/// Units of one product held for one order. The key (order, product) makes a second reservation of the same line
/// impossible; a released reservation stays as a record and still blocks reserving that line again.
/// </summary>
public sealed class StockReservation(Guid orderId, Guid productId, int quantity, DateTimeOffset reservedAt)
{
    public Guid OrderId { get; private set; } = orderId;

    public Guid ProductId { get; private set; } = productId;

    public int Quantity { get; private set; } = quantity;

    public DateTimeOffset ReservedAt { get; private set; } = reservedAt;

    public DateTimeOffset? ReleasedAt { get; private set; }

    public void Release(DateTimeOffset now) => ReleasedAt ??= now;
}
