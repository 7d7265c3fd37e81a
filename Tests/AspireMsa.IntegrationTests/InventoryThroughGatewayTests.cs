namespace AspireMsa.IntegrationTests;

[Collection(SystemCollection.Name)]
public class InventoryThroughGatewayTests(SystemFixture system)
{
    [Fact]
    public async Task SettingStock_IsReadBackAsAvailable()
    {
        var productId = Guid.NewGuid();

        var set = await (await system.GatewayAsAsync("admin")).PutAsJsonAsync($"/api/inventory/{productId}", new { quantity = 7 });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        var stock = await (await system.GatewayAsAsync("alice")).GetFromJsonAsync<StockDto>($"/api/inventory/{productId}");
        Assert.Equal(new StockDto(productId, 7, 0, 7), stock);
    }

    [Fact]
    public async Task StockOfAnUnknownProduct_IsNotFoundProblemDetails()
    {
        await Problems.AssertAsync(await (await system.GatewayAsAsync("alice")).GetAsync($"/api/inventory/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task NegativeStock_IsRejectedWithValidationProblemDetails()
    {
        var response = await (await system.GatewayAsAsync("admin")).PutAsJsonAsync($"/api/inventory/{Guid.NewGuid()}", new { quantity = -1 });

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
    }

    private sealed record StockDto(Guid ProductId, int OnHand, int Reserved, int Available);
}
