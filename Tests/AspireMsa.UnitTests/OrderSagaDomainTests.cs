using AspireMsa.Inventory.Api.Model;
using AspireMsa.Ordering.Api.Model;

namespace AspireMsa.UnitTests;

public class OrderSagaDomainTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AConfirmedOrder_IsFinal_AndEveryChangeIsInItsHistory()
    {
        var order = Order.Place("alice", [new OrderLine(Guid.NewGuid(), 2)], Now);

        order.Confirm("Stock reserved", Now.AddSeconds(1));

        Assert.Equal(OrderStatus.Confirmed, order.Status);
        Assert.Equal([OrderStatus.Pending, OrderStatus.Confirmed], order.History.Select(h => h.Status));
        Assert.Throws<InvalidOperationException>(() => order.Cancel("too late", Now.AddSeconds(2)));
    }

    [Fact]
    public void OnlyACancelledOrder_RecordsAStockRelease()
    {
        var pending = Order.Place("alice", [new OrderLine(Guid.NewGuid(), 1)], Now);
        Assert.Throws<InvalidOperationException>(() => pending.RecordStockRelease("release", Now));

        pending.Cancel("No stock reply within 30 s (saga timeout)", Now.AddSeconds(30));
        pending.RecordStockRelease("Stock was reserved after the order was cancelled", Now.AddSeconds(31));

        Assert.Equal(OrderStatus.Cancelled, pending.Status);
        Assert.Equal(3, pending.History.Count);
    }

    [Fact]
    public void EveryChange_MovesTheVersion_SoConcurrentDecisionsConflict()
    {
        var order = Order.Place("alice", [new OrderLine(Guid.NewGuid(), 1)], Now);
        var placed = order.Version;

        order.Cancel("rejected", Now);

        Assert.Equal(placed + 1, order.Version);
    }

    [Fact]
    public void ARepeatedRequest_IsRecognisedByItsLines_InAnyOrder()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var order = Order.Place("alice", [new OrderLine(a, 1), new OrderLine(b, 2)], Now, "key-1");

        Assert.True(order.HasLines([new OrderLine(b, 2), new OrderLine(a, 1)]));
        Assert.False(order.HasLines([new OrderLine(a, 1), new OrderLine(b, 3)]));
    }

    [Fact]
    public void StockIsReservedOnlyFromWhatIsAvailable_AndReleasedBack()
    {
        var item = StockItem.Create(Guid.NewGuid(), Now);
        item.TrySetOnHand(5, Now);

        Assert.True(item.TryReserve(3, Now));
        Assert.False(item.TryReserve(3, Now));
        Assert.Equal(2, item.Available);

        item.Release(3, Now);
        Assert.Equal((5, 0), (item.OnHand, item.Reserved));
        Assert.Throws<ArgumentOutOfRangeException>(() => item.Release(1, Now));
    }
}
