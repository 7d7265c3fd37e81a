using Microsoft.Extensions.DependencyInjection;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// A first run shows a stocked store, loaded through the gateway by the one-shot <c>demo-data</c> resource, and loading
/// again adds nothing twice.
/// </summary>
[Collection(FirstRunCollection.Name)]
[ChecksAFreshSystem]
public class DemoDataTests(FirstRunFixture system)
{
    private const string DemoDataResource = "demo-data";
    private const int PageSize = 100;

    private static readonly TimeSpan LoadTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task OnFirstRun_TheStoreIsStockedThroughTheGateway_AndRestartingTheLoaderAddsNothingTwice()
    {
        var firstRun = await WaitForLoadToFinishAsync(startedAfter: null);
        Assert.Equal(0, firstRun.Snapshot.ExitCode);

        var products = await ListAllProductsAsync();
        Assert.True(products.Count >= 40, $"The demo store has {products.Count} products.");
        Assert.True(products.Select(p => p.Category).Distinct().Count() >= 5, "The demo store has fewer than 5 categories.");
        Assert.All(products, product =>
        {
            Assert.Matches("^SKU-[0-9]{6}$", product.Sku);
            Assert.False(string.IsNullOrWhiteSpace(product.Description), $"{product.Sku} has no description.");
            Assert.True(product.Price > 0, $"{product.Sku} has no price.");
        });
        Assert.Equal(products.Count, products.Select(p => p.Sku).Distinct().Count());
        var stock = await StockOfAsync(products);
        Assert.All(stock, level => Assert.True(level.Value.OnHand > 0, $"Product {level.Key} has no stock."));

        var some = products[0];
        var bySku = await system.Gateway.GetFromJsonAsync<ProductDto>($"/api/catalog/products/by-sku/{some.Sku}");
        Assert.Equal(some.Id, bySku?.Id);

        var restart = await system.App.ResourceCommands.ExecuteCommandAsync(DemoDataResourceInstance(), KnownResourceCommands.StartCommand);
        Assert.True(restart.Success, restart.Message);
        var secondRun = await WaitForLoadToFinishAsync(startedAfter: firstRun.Snapshot.StartTimeStamp);
        Assert.Equal(0, secondRun.Snapshot.ExitCode);

        var afterRestart = await ListAllProductsAsync();
        Assert.Equal(products.Select(p => (p.Id, p.Sku)).Order(), afterRestart.Select(p => (p.Id, p.Sku)).Order());
        Assert.Equal(stock, await StockOfAsync(afterRestart));
    }

    private async Task<ResourceEvent> WaitForLoadToFinishAsync(DateTime? startedAfter)
    {
        using var cts = new CancellationTokenSource(LoadTimeout);
        return await system.App.ResourceNotifications.WaitForResourceAsync(
            DemoDataResource,
            e => e.Snapshot.State?.Text == KnownResourceStates.Finished
                && (startedAfter is null || e.Snapshot.StartTimeStamp > startedAfter),
            cts.Token);
    }

    private IResource DemoDataResourceInstance() =>
        system.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == DemoDataResource);

    private async Task<List<ProductDto>> ListAllProductsAsync()
    {
        var products = new List<ProductDto>();
        for (var page = 1; ; page++)
        {
            var result = await system.Gateway.GetFromJsonAsync<PageDto>($"/api/catalog/products?page={page}&pageSize={PageSize}");
            Assert.NotNull(result);
            products.AddRange(result.Items);
            if (products.Count >= result.TotalCount || result.Items.Count == 0)
            {
                return products;
            }
        }
    }

    private async Task<Dictionary<Guid, OrderSagaDriver.StockDto>> StockOfAsync(IEnumerable<ProductDto> products)
    {
        var admin = await system.GatewayAsAsync(DemoUserTokens.Admin);
        var stock = new Dictionary<Guid, OrderSagaDriver.StockDto>();
        foreach (var product in products)
        {
            var level = await admin.GetFromJsonAsync<OrderSagaDriver.StockDto>($"/api/inventory/{product.Id}");
            Assert.NotNull(level);
            stock[product.Id] = level;
        }

        return stock;
    }
}
