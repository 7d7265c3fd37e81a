namespace AspireMsa.IntegrationTests;

[Collection(SystemCollection.Name)]
public class CatalogThroughGatewayTests(SystemFixture system)
{
    [Fact]
    public async Task ACreatedProduct_CanBeReadBackThroughTheGateway()
    {
        var create = await (await system.GatewayAsAsync("admin")).PostAsJsonAsync("/api/catalog/products",
            new { name = "Trail shoe", description = "Grippy sole", price = 89.90m, category = "shoes" });

        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        var created = await create.Content.ReadFromJsonAsync<ProductDto>();
        Assert.NotNull(created);
        Assert.Equal(1, created.Version);
        Assert.Equal($"/api/catalog/products/{created.Id}", create.Headers.Location?.OriginalString);

        var read = await system.Gateway.GetFromJsonAsync<ProductDto>(create.Headers.Location);
        Assert.Equal(created, read);
    }

    [Fact]
    public async Task UpdatingAProduct_IncrementsItsVersion_AndAStaleVersionConflicts()
    {
        var created = await CreateAsync("Rain jacket", "coats");

        var update = await (await system.GatewayAsAsync("admin")).PutAsJsonAsync($"/api/catalog/products/{created.Id}",
            new { name = "Rain jacket", description = "Taped seams", price = 120m, category = "coats", version = created.Version });
        var updated = await update.Content.ReadFromJsonAsync<ProductDto>();
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal(created.Version + 1, updated!.Version);

        var stale = await (await system.GatewayAsAsync("admin")).PutAsJsonAsync($"/api/catalog/products/{created.Id}",
            new { name = "Rain jacket", description = "Older edit", price = 99m, category = "coats", version = created.Version });
        await Problems.AssertAsync(stale, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ListingByCategory_PagesThroughOnlyThatCategory()
    {
        var category = $"cat-{Guid.NewGuid():N}";
        for (var i = 0; i < 3; i++)
        {
            await CreateAsync($"Item {i}", category);
        }

        var page = await system.Gateway.GetFromJsonAsync<PageDto>($"/api/catalog/products?category={category}&page=2&pageSize=2");

        Assert.NotNull(page);
        Assert.Equal(3, page.TotalCount);
        Assert.Single(page.Items);
        Assert.All(page.Items, item => Assert.Equal(category, item.Category));
    }

    [Fact]
    public async Task DeletingAProduct_MakesItUnknown()
    {
        var created = await CreateAsync("Old hat", "hats");

        var delete = await (await system.GatewayAsAsync("admin")).DeleteAsync($"/api/catalog/products/{created.Id}");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);

        await Problems.AssertAsync(await system.Gateway.GetAsync($"/api/catalog/products/{created.Id}"), HttpStatusCode.NotFound);
        await Problems.AssertAsync(await (await system.GatewayAsAsync("admin")).DeleteAsync($"/api/catalog/products/{created.Id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnInvalidProduct_IsRejectedWithValidationProblemDetails()
    {
        var response = await (await system.GatewayAsAsync("admin")).PostAsJsonAsync("/api/catalog/products",
            new { name = "", description = "x", price = -1m, category = "shoes" });

        var problem = await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("errors", out var errors));
        Assert.True(errors.TryGetProperty("Name", out _) || errors.TryGetProperty("name", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("Price", out _) || errors.TryGetProperty("price", out _), errors.ToString());
    }

    [Fact]
    public async Task AnOutOfRangePageSize_IsRejectedWithValidationProblemDetails()
    {
        var response = await system.Gateway.GetAsync("/api/catalog/products?pageSize=1000");

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
    }

    private async Task<ProductDto> CreateAsync(string name, string category)
    {
        var response = await (await system.GatewayAsAsync("admin")).PostAsJsonAsync("/api/catalog/products",
            new { name, description = "", price = 10m, category });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ProductDto>())!;
    }
}
