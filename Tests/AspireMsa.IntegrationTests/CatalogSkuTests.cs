namespace AspireMsa.IntegrationTests;

/// <summary>Every product has a stable legacy SKU that old clients' item codes map to, and can be found by it.</summary>
[Collection(SystemCollection.Name)]
public class CatalogSkuTests(SystemFixture system)
{
    [Fact]
    public async Task AProductCreatedWithoutASku_GetsTheNextOne_AndIsFoundByIt_FromRedis()
    {
        var created = await CreateAsync(new { name = "Enamel mug", description = "Camp mug", price = 14m, category = "mugs" });

        Assert.Matches("^SKU-[0-9]{6}$", created.Sku);
        var first = await system.Gateway.GetAsync($"/api/catalog/products/by-sku/{created.Sku}");
        Assert.Equal(created, await first.Content.ReadFromJsonAsync<ProductDto>());
        var second = await system.Gateway.GetAsync($"/api/catalog/products/by-sku/{created.Sku!.ToLowerInvariant()}");
        Assert.Equal(created, await second.Content.ReadFromJsonAsync<ProductDto>());
        Assert.Equal("redis", second.Headers.GetValues("X-Read-Source").Single());
    }

    [Fact]
    public async Task AChosenSku_IsKept_AndASecondProductCannotTakeIt()
    {
        var sku = $"LEGACY-{Guid.NewGuid():N}"[..20].ToUpperInvariant();
        var created = await CreateAsync(new { name = "Wool scarf", description = "", price = 30m, category = "scarves", sku });
        Assert.Equal(sku, created.Sku);

        var duplicate = await (await system.GatewayAsAsync("admin")).PostAsJsonAsync("/api/catalog/products",
            new { name = "Other scarf", description = "", price = 31m, category = "scarves", sku });

        await Problems.AssertAsync(duplicate, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task TheSku_IsStable_AnUpdateThatChangesItIsRefused_AndOneThatLeavesItOutKeepsIt()
    {
        var created = await CreateAsync(new { name = "Field notebook", description = "", price = 6m, category = "paper" });
        var admin = await system.GatewayAsAsync("admin");

        var change = await admin.PutAsJsonAsync($"/api/catalog/products/{created.Id}",
            new { name = "Field notebook", description = "", price = 6m, category = "paper", sku = "SKU-999999" });
        var problem = await Problems.AssertAsync(change, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Sku", out _), problem.ToString());

        var update = await admin.PutAsJsonAsync($"/api/catalog/products/{created.Id}",
            new { name = "Field notebook", description = "Dot grid", price = 7m, category = "paper" });
        Assert.Equal(created.Sku, (await update.Content.ReadFromJsonAsync<ProductDto>())!.Sku);
    }

    [Fact]
    public async Task ADeletedProduct_IsNoLongerFoundByItsSku()
    {
        var created = await CreateAsync(new { name = "Paper lantern", description = "", price = 9m, category = "lamps" });
        Assert.Equal(HttpStatusCode.OK, (await system.Gateway.GetAsync($"/api/catalog/products/by-sku/{created.Sku}")).StatusCode);

        var delete = await (await system.GatewayAsAsync("admin")).DeleteAsync($"/api/catalog/products/{created.Id}");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);

        await Problems.AssertAsync(await system.Gateway.GetAsync($"/api/catalog/products/by-sku/{created.Sku}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnUnknownSku_IsNotFound_AndAMalformedOneIsAValidationProblem()
    {
        await Problems.AssertAsync(await system.Gateway.GetAsync("/api/catalog/products/by-sku/SKU-NO-SUCH-ITEM"), HttpStatusCode.NotFound);
        await Problems.AssertAsync(await system.Gateway.GetAsync("/api/catalog/products/by-sku/not%20a%20sku"), HttpStatusCode.BadRequest);
    }

    private async Task<ProductDto> CreateAsync(object product)
    {
        var response = await (await system.GatewayAsAsync("admin")).PostAsJsonAsync("/api/catalog/products", product);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ProductDto>())!;
    }
}
