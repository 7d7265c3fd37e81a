namespace AspireMsa.Gateway.Bff;

/// <summary>The catalog service as the BFF uses it; its base address is the service-discovery name.</summary>
public sealed class CatalogClient(HttpClient http, ILogger<CatalogClient> logger)
{
    public Task<DownstreamResult<ProductView>> GetProductAsync(Guid id, CancellationToken ct) =>
        DownstreamCall.GetAsync<ProductView>(http, new Uri($"/api/catalog/products/{id}", UriKind.Relative), logger, ct);
}
