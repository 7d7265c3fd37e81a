using System.Text.Json;
using AspireMsa.Catalog.Api.Extensions;
using AspireMsa.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// <c>ProductPriceChanged</c> leaves the catalog through its outbox and fans out to Ordering and Inventory, each applying it
/// once and never letting an older price replace a newer one. On a system of fault tests because it stops Inventory: without
/// a stock reply an order stays pending, and only pending orders show the new price.
/// </summary>
[Collection(FirstRunCollection.Name)]
public class ProductPriceFanOutTests(FirstRunFixture system, ITestOutputHelper output)
{
    [Fact]
    public async Task APriceChange_ReachesBothSubscribers_AndAnOlderPriceArrivingLateChangesNothing()
    {
        var saga = await OrderSagaDriver.ForAsync(system);
        var product = await CatalogWrites.CreateProductAsync(saga.Admin,
            new { name = "Trail jacket", description = "Light", price = 10.00m, category = "price-fan-out" });
        await saga.SetStockAsync(product.Id, 10);
        var confirmedId = await saga.PlaceOrderAsync((product.Id, 1));
        Assert.Equal("Confirmed", (await saga.WaitForTerminalAsync(confirmedId)).Status);

        // Only a real price change is announced, in the same transaction as the product.
        product = await UpdateAsync(saga.Admin, product with { Description = "Now waterproof" });
        Assert.Equal(0L, await PriceEventsAsync(saga, product.Id));
        await OperatorCommands.StopAsync(system.App, "inventory", output);
        Guid pendingId;
        ProductPriceChanged stale;
        try
        {
            pendingId = await saga.PlaceOrderAsync((product.Id, 2));
            product = await UpdateAsync(saga.Admin, product with { Price = 12.50m });
            Assert.Equal(1L, await PriceEventsAsync(saga, product.Id));

            await OrderSagaDriver.EventuallyAsync(async () => (await saga.GetOrderAsync(pendingId))!.Lines[0].CurrentUnitPrice == 12.50m,
                "Ordering shows the new price on the pending order");
            Assert.Equal("Pending", (await saga.GetOrderAsync(pendingId))!.Status);
            // One handler run covers every order of the product: the confirmed one keeps what it showed, nothing.
            Assert.Null((await saga.GetOrderAsync(confirmedId))!.Lines[0].CurrentUnitPrice);

            // An older price, published after the newer one, without sequence headers: the inbox's per-aggregate check does
            // not apply, so only the handlers' product-version rule stands between it and the newer price.
            stale = new ProductPriceChanged(product.Id, 12.50m, 99.99m, Version: product.Version - 1) { OccurredAt = DateTimeOffset.UtcNow };
            await MessagingBroker.PublishAsync(system.App, MessagingBroker.EventsExchange, nameof(ProductPriceChanged),
                MessagingBroker.Properties(stale.Id, nameof(ProductPriceChanged), CatalogServiceExtensions.EventSource),
                JsonSerializer.SerializeToUtf8Bytes(stale, JsonSerializerOptions.Web));
            await WaitUntilProcessedAsync(saga, "orderingdb", stale.Id);
            Assert.Equal(12.50m, (await saga.GetOrderAsync(pendingId))!.Lines[0].CurrentUnitPrice);
        }
        finally
        {
            // Whatever happened, the collection's other tests need Inventory back.
            await OperatorCommands.StartAgainAsync(system.App, "inventory", output);
        }

        // Inventory finds the order, the price change and the stale copy in its queue; its two replicas may take them in
        // any order, and either way the newer price stands.
        await WaitUntilProcessedAsync(saga, "inventorydb", await PriceEventIdAsync(saga, product.Id));
        await WaitUntilProcessedAsync(saga, "inventorydb", stale.Id);
        var stock = (await saga.GetStockAsync(product.Id))!;
        Assert.Equal((12.50m, 10 * 12.50m), (stock.UnitPrice, stock.StockValue));

        // Confirmed once Inventory is back, or Cancelled if its restart outlasted the saga's timeout on a loaded machine:
        // the decided order keeps showing the newer price either way.
        var decided = await saga.WaitForTerminalAsync(pendingId);
        Assert.Contains(decided.Status, (string[])["Confirmed", "Cancelled"]);
        Assert.Equal(12.50m, decided.Lines[0].CurrentUnitPrice);
    }

    private static async Task<ProductDto> UpdateAsync(HttpClient admin, ProductDto product)
    {
        var response = await admin.PutAsJsonAsync($"/api/catalog/products/{product.Id}",
            new { product.Name, product.Description, product.Price, product.Category, product.Version });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ProductDto>())!;
    }

    private static Task<Guid> PriceEventIdAsync(OrderSagaDriver saga, Guid productId) => saga.QueryScalarAsync<Guid>("catalogdb",
        "SELECT id FROM outbox_messages WHERE type = 'ProductPriceChanged' AND aggregate_id = @id", ("id", productId));

    private static Task<long> PriceEventsAsync(OrderSagaDriver saga, Guid productId) => saga.QueryScalarAsync<long>("catalogdb",
        "SELECT count(*) FROM outbox_messages WHERE type = 'ProductPriceChanged' AND aggregate_id = @id", ("id", productId));

    /// <summary>The inbox row commits with the handler's changes, so once it is there the handler's decision is visible.</summary>
    private static Task WaitUntilProcessedAsync(OrderSagaDriver saga, string database, Guid messageId) =>
        OrderSagaDriver.EventuallyAsync(async () => await saga.QueryScalarAsync<long>(database,
            "SELECT count(*) FROM inbox_messages WHERE message_id = @id", ("id", messageId)) == 1,
            $"{database} processed message {messageId}");
}
