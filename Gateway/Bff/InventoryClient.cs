namespace AspireMsa.Gateway.Bff;

/// <summary>The inventory API as the BFF uses it; its base address is its service's discovery name from the registry.</summary>
public sealed class InventoryClient(HttpClient http, ILogger<InventoryClient> logger)
{
    public const string Api = "inventory";

    public Task<DownstreamResult<StockLevelView>> GetStockLevelAsync(Guid productId, CancellationToken ct) =>
        DownstreamCall.GetAsync<StockLevelView>(http, new Uri($"/api/inventory/{productId}", UriKind.Relative), logger, ct);
}
