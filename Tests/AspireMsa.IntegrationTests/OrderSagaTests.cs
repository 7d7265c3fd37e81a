using System.Diagnostics;
using Xunit.Abstractions;

namespace AspireMsa.IntegrationTests;

/// <summary>The order saga end to end: gateway → ordering → broker → inventory → broker → ordering, on real servers.</summary>
[Collection(SystemCollection.Name)]
public class OrderSagaTests(SystemFixture system, ITestOutputHelper output)
{

    [Fact]
    public async Task PlacingAnOrderForAvailableStock_ConfirmsIt_AndReservesTheStock()
    {
        var saga = await OrderSagaDriver.ForAsync(system);
        var productId = Guid.NewGuid();
        await saga.SetStockAsync(productId, 5);

        var watch = Stopwatch.StartNew();
        var orderId = await saga.PlaceOrderAsync((productId, 2));
        var order = await saga.WaitForTerminalAsync(orderId);
        output.WriteLine($"Placed to {order.Status} in {watch.ElapsedMilliseconds} ms");

        Assert.Equal("Confirmed", order.Status);
        Assert.Equal(["Pending", "Confirmed"], order.History.Select(h => h.Status));
        Assert.Equal("Stock reserved", order.History[^1].Reason);
        Assert.Equal(new OrderSagaDriver.StockDto(productId, 5, 2, 3), await saga.GetStockAsync(productId));
    }

    [Fact]
    public async Task PlacingAnOrderForUnavailableStock_CancelsTheOrder_AndReservesNothing()
    {
        var saga = await OrderSagaDriver.ForAsync(system);
        var plenty = Guid.NewGuid();
        var scarce = Guid.NewGuid();
        await saga.SetStockAsync(plenty, 5);
        await saga.SetStockAsync(scarce, 1);

        var order = await saga.WaitForTerminalAsync(await saga.PlaceOrderAsync((plenty, 2), (scarce, 3)));

        Assert.Equal("Cancelled", order.Status);
        var cancellation = order.History[^1];
        Assert.StartsWith("Stock rejected:", cancellation.Reason, StringComparison.Ordinal);
        Assert.Contains($"{scarce}: 3 requested, 1 available", cancellation.Reason, StringComparison.Ordinal);
        Assert.Equal(0, (await saga.GetStockAsync(plenty))!.Reserved);
        Assert.Equal(0, (await saga.GetStockAsync(scarce))!.Reserved);
    }

    [Fact]
    public async Task PlacingAnOrderForAProductWithoutStock_CancelsTheOrder()
    {
        var saga = await OrderSagaDriver.ForAsync(system);
        var unknown = Guid.NewGuid();

        var order = await saga.WaitForTerminalAsync(await saga.PlaceOrderAsync((unknown, 1)));

        Assert.Equal("Cancelled", order.Status);
        Assert.Contains($"{unknown}: no stock is recorded", order.History[^1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentOrdersForScarceStock_ConfirmExactlyWhatIsOnHand()
    {
        var saga = await OrderSagaDriver.ForAsync(system);
        var productId = Guid.NewGuid();
        await saga.SetStockAsync(productId, 10);

        var orderIds = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => saga.PlaceOrderAsync((productId, 1))));
        var orders = await Task.WhenAll(orderIds.Select(id => saga.WaitForTerminalAsync(id)));

        Assert.Equal(10, orders.Count(o => o.Status == "Confirmed"));
        Assert.Equal(15, orders.Count(o => o.Status == "Cancelled"));
        Assert.Equal(new OrderSagaDriver.StockDto(productId, 10, 10, 0), await saga.GetStockAsync(productId));
        Assert.Equal(10L, await saga.QueryScalarAsync<long>(
            "inventorydb", """SELECT count(*) FROM stock_reservations WHERE "ProductId" = @p""", ("p", productId)));
    }

    [Fact]
    public async Task TheTraceContext_CrossesTheBroker_FromTheOrderToTheStockReply()
    {
        var saga = await OrderSagaDriver.ForAsync(system);
        var productId = Guid.NewGuid();
        await saga.SetStockAsync(productId, 1);
        var orderId = await saga.PlaceOrderAsync((productId, 1));
        await saga.WaitForTerminalAsync(orderId);

        // A traceparent is 00-<trace id>-<span id>-<flags>: the reply Inventory wrote must carry the order's trace id.
        var placed = await saga.QueryScalarAsync<string>(
            "orderingdb", "SELECT traceparent FROM outbox_messages WHERE aggregate_id = @id AND type = 'OrderPlaced'", ("id", orderId));
        var reply = await saga.QueryScalarAsync<string>(
            "inventorydb", "SELECT traceparent FROM outbox_messages WHERE aggregate_id = @id AND type = 'StockReserved'", ("id", orderId));
        Assert.Equal(placed.Split('-')[1], reply.Split('-')[1]);
    }
}
