namespace AspireMsa.IntegrationTests;

/// <summary>The data BFF tests compose: a product in the catalog with its stock in inventory, written by the admin.</summary>
public static class BffScenario
{
    public static async Task<ProductDto> CreateProductWithStockAsync(SystemFixture system, int onHand)
    {
        var admin = await system.GatewayAsAsync("admin");
        var create = await admin.PostAsJsonAsync("/api/catalog/products",
            new { name = $"Composed {Guid.NewGuid():N}", description = "From two services", price = 42.5m, category = "bff" });
        Assert.True(create.StatusCode == HttpStatusCode.Created, await create.Content.ReadAsStringAsync());
        var product = (await create.Content.ReadFromJsonAsync<ProductDto>())!;

        var stock = await admin.PutAsJsonAsync($"/api/inventory/{product.Id}", new { quantity = onHand });
        Assert.True(stock.StatusCode == HttpStatusCode.OK, await stock.Content.ReadAsStringAsync());
        return product;
    }
}
