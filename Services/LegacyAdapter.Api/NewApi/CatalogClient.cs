using System.Net;

namespace AspireMsa.LegacyAdapter.Api.NewApi;

/// <summary>The catalog's public read API through the gateway, anonymous as any shopper's browsing.</summary>
public sealed class CatalogClient(HttpClient http)
{
    private const string ProductsPath = "/api/catalog/products";

    public async Task<CatalogPage> ListAsync(int page, int pageSize, CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri($"{ProductsPath}?page={page}&pageSize={pageSize}", UriKind.Relative), ct);
        return await NewApiResponses.ReadAsync<CatalogPage>(response, ct);
    }

    /// <returns>The product, or <see langword="null"/> when no product has the SKU.</returns>
    public async Task<CatalogProduct?> FindBySkuAsync(string sku, CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri($"{ProductsPath}/by-sku/{Uri.EscapeDataString(sku)}", UriKind.Relative), ct);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await NewApiResponses.ReadAsync<CatalogProduct>(response, ct);
    }
}
