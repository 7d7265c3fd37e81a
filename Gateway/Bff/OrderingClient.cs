namespace AspireMsa.Gateway.Bff;

/// <summary>The ordering service as the BFF uses it; its base address is the service-discovery name.</summary>
public sealed class OrderingClient(HttpClient http, ILogger<OrderingClient> logger)
{
    public Task<DownstreamResult<OrderView>> GetOrderAsync(Guid id, CancellationToken ct) =>
        DownstreamCall.GetAsync<OrderView>(http, new Uri($"/api/orders/{id}", UriKind.Relative), logger, ct);
}
