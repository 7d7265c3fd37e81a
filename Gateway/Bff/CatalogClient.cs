using AspireMsa.Gateway.Canary;
using AspireMsa.Gateway.Downstream;

namespace AspireMsa.Gateway.Bff;

/// <summary>
/// The catalog API as the BFF uses it. Each read goes to the version the canary release chose for this request, the same
/// one the proxied <c>/api/catalog</c> routes would choose, and its outcome counts toward that version's metrics and rollback.
/// </summary>
public sealed class CatalogClient(
    HttpClient http, CanaryRouter canary, DownstreamRegistry registry, IHttpContextAccessor accessor, TimeProvider clock, ILogger<CatalogClient> logger)
{
    public const string Api = "catalog";

    public async Task<DownstreamResult<ProductView>> GetProductAsync(Guid id, CancellationToken ct)
    {
        var decision = accessor.HttpContext is { } context ? canary.Decide(context, Api) : null;
        var service = decision?.Target.ClusterId ?? registry.ServiceFor(Api);
        var started = clock.GetTimestamp();
        var product = await DownstreamCall.GetAsync<ProductView>(http, new Uri(DownstreamOptions.AddressOf(service), $"/api/catalog/products/{id}"), logger, ct);
        if (decision is not null)
        {
            var isError = product.Outcome is DownstreamOutcome.Failed or DownstreamOutcome.Unreachable or DownstreamOutcome.TimedOut;
            canary.RecordOutcome(decision, service, isError, clock.GetElapsedTime(started));
        }

        return product;
    }
}
