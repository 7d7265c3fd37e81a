using System.Net.Http.Json;
using System.Text.Json;

namespace AspireMsa.IntegrationTests;

/// <summary>The BFF reads the catalog through the same canary decision as the proxied <c>/api/catalog</c> routes.</summary>
[Collection(FaultCollection.Name)]
public sealed class BffCanaryTests(FaultSystemFixture system) : IDisposable
{
    private readonly CanaryTraffic _traffic = new(system);

    [Theory]
    [InlineData(100, "catalog-v2", "bff-canary-mug")]
    [InlineData(0, "catalog-v1", null)]
    public async Task ASignedInUser_GetsTheSameCatalogVersionFromTheBff_AsFromTheCatalogRoute(int canaryWeight, string version, string? slug)
    {
        var admin = await system.GatewayAsAsync("admin");
        var created = await (await admin.PostAsJsonAsync(CanaryTraffic.CatalogPath,
            new { name = "BFF Canary Mug", description = "Stoneware", price = 9.50m, category = "kitchen" })).Content.ReadFromJsonAsync<ProductDto>();
        Assert.NotNull(created);
        var previousWeight = await _traffic.CurrentWeightAsync();
        await _traffic.SetWeightAsync(canaryWeight);
        try
        {
            var alice = await system.GatewayAsAsync("alice");
            using var proxied = await alice.GetAsync($"{CanaryTraffic.CatalogPath}/{created.Id}");
            Assert.Equal(HttpStatusCode.OK, proxied.StatusCode);
            Assert.Equal(version, CanaryTraffic.ServedBy(proxied));

            using var page = await alice.GetAsync($"/bff/products/{created.Id}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var product = JsonDocument.Parse(await page.Content.ReadAsStringAsync()).RootElement.GetProperty("product");
            Assert.Equal(created.Id, product.GetProperty("id").GetGuid());
            Assert.Equal(slug, product.TryGetProperty("slug", out var value) ? value.GetString() : null);
        }
        finally
        {
            await _traffic.SetWeightAsync(previousWeight);
        }
    }

    public void Dispose() => _traffic.Dispose();
}
