using System.Globalization;
using System.Text.Json;
using AspireMsa.Benchmarks.Harness;

namespace AspireMsa.Benchmarks.Measures;

/// <summary>Creates the products every measure reads and orders, as the admin through the gateway, in a category of their own.</summary>
public static class CatalogSeed
{
    public static async Task<IReadOnlyList<Guid>> CreateAsync(BenchSystem system, int count)
    {
        using var admin = await system.SignedInGatewayClientAsync("admin", maxConnections: 8);
        var category = "bench-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            using var response = await admin.PostAsJsonAsync("/api/catalog/products", new
            {
                name = $"Benchmark product {i:D3}",
                description = "A product the benchmark suite reads and orders.",
                price = 10m + i,
                category,
            });
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Creating a product answered {(int)response.StatusCode}: {body}");
            }

            ids.Add(JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid());
        }

        return ids;
    }

    public static IReadOnlyList<string> ProductPaths(IEnumerable<Guid> products) =>
        products.Select(id => $"/api/catalog/products/{id}").ToList();
}
