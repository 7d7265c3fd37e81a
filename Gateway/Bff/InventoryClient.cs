namespace AspireMsa.Gateway.Bff;

/// <summary>The inventory service as the BFF uses it; its base address is the service-discovery name.</summary>
public sealed class InventoryClient(HttpClient http, ILogger<InventoryClient> logger)
{
    public Task<DownstreamResult<StockLevelView>> GetStockLevelAsync(Guid productId, CancellationToken ct) =>
        DownstreamCall.GetAsync<StockLevelView>(http, new Uri($"/api/inventory/{productId}", UriKind.Relative), logger, ct);
}
