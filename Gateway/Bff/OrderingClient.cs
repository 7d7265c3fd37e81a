namespace AspireMsa.Gateway.Bff;

/// <summary>The ordering API as the BFF uses it; its base address is its service's discovery name from the registry.</summary>
public sealed class OrderingClient(HttpClient http, ILogger<OrderingClient> logger)
{
    public const string Api = "ordering";

    public Task<DownstreamResult<OrderView>> GetOrderAsync(Guid id, CancellationToken ct) =>
        DownstreamCall.GetAsync<OrderView>(http, new Uri($"/api/orders/{id}", UriKind.Relative), logger, ct);
}
