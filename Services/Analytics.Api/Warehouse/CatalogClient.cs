namespace AspireMsa.Analytics.Api.Warehouse;

/// <summary>
/// The catalog's public product list, read through the gateway as any client reads it (never the catalog's database):
/// product names and categories are nowhere else, since no event carries them.
/// </summary>
public sealed class CatalogClient(HttpClient http)
{
    public const string ProductsPath = "/api/catalog/products";

    /// <summary>The catalog's largest page.</summary>
    private const int PageSize = 100;

    public async Task<IReadOnlyList<CatalogProduct>> ListAsync(CancellationToken cancellationToken)
    {
        var products = new List<CatalogProduct>();
        for (var page = 1; ; page++)
        {
            var listed = await http.GetFromJsonAsync<CatalogPage>($"{ProductsPath}?page={page}&pageSize={PageSize}", cancellationToken)
                ?? throw new InvalidDataException($"The catalog answered page {page} of its products with nothing.");
            products.AddRange(listed.Items);
            if (listed.Items.Count < PageSize || products.Count >= listed.TotalCount)
            {
                return products;
            }
        }
    }

    private sealed record CatalogPage(List<CatalogProduct> Items, long TotalCount);
}
