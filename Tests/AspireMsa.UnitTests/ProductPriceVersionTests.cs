using AspireMsa.Inventory.Api.Model;
using AspireMsa.Ordering.Api.Model;

namespace AspireMsa.UnitTests;

/// <summary>
/// The rule both subscribers of <c>ProductPriceChanged</c> apply: a price announced with an older product version than the
/// price already held never replaces it, whatever order the events arrive in.
/// </summary>
public class ProductPriceVersionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void APendingOrder_ShowsTheNewestPrice_AndIgnoresAnOlderOneArrivingLate()
    {
        var productId = Guid.NewGuid();
        var order = Order.Place("alice", [new OrderLine(productId, 2), new OrderLine(Guid.NewGuid(), 1)], Now);

        Assert.True(order.ShowCurrentPrice(productId, 12.50m, productVersion: 3));
        Assert.False(order.ShowCurrentPrice(productId, 11.00m, productVersion: 2));
        Assert.False(order.ShowCurrentPrice(productId, 11.00m, productVersion: 3));

        Assert.Equal([12.50m, null], order.Lines.Select(l => l.CurrentUnitPrice));
    }

    [Fact]
    public void ShowingAPrice_MovesTheOrdersVersion_SoItConflictsWithAConcurrentDecision()
    {
        var productId = Guid.NewGuid();
        var order = Order.Place("alice", [new OrderLine(productId, 1)], Now);
        var placed = order.Version;

        order.ShowCurrentPrice(productId, 9.99m, productVersion: 2);

        Assert.Equal(placed + 1, order.Version);
    }

    [Fact]
    public void ADecidedOrder_KeepsThePricesItShowed()
    {
        var productId = Guid.NewGuid();
        var order = Order.Place("alice", [new OrderLine(productId, 1)], Now);
        order.ShowCurrentPrice(productId, 10.00m, productVersion: 2);
        order.Confirm("Stock reserved", Now);
        var confirmed = order.Version;

        Assert.False(order.ShowCurrentPrice(productId, 20.00m, productVersion: 3));

        Assert.Equal(10.00m, order.Lines[0].CurrentUnitPrice);
        Assert.Equal(confirmed, order.Version);
    }

    [Fact]
    public void TheStockPrice_TakesTheNewestVersion_AndIgnoresAnOlderOneArrivingLate()
    {
        var price = ProductPrice.Create(Guid.NewGuid());

        Assert.True(price.TryApply(12.50m, productVersion: 3, Now));
        Assert.False(price.TryApply(11.00m, productVersion: 2, Now.AddSeconds(1)));
        Assert.False(price.TryApply(11.00m, productVersion: 3, Now.AddSeconds(1)));

        Assert.Equal((12.50m, 3L, Now), (price.UnitPrice, price.ProductVersion, price.UpdatedAt));
    }
}
