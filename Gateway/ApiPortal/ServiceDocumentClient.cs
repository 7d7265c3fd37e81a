using System.Text.Json.Nodes;
using AspireMsa.Gateway.Bff;
using AspireMsa.Gateway.Downstream;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace AspireMsa.Gateway.ApiPortal;

/// <summary>
/// Fetches a service's OpenAPI document by service discovery and keeps it briefly, so the portal does not call every
/// service on every page load. Only successes are kept: a service that comes back is shown at once.
/// </summary>
public sealed class ServiceDocumentClient(
    HttpClient http, IMemoryCache cache, DownstreamRegistry registry, IOptions<ApiPortalOptions> options, ILogger<ServiceDocumentClient> logger)
{
    /// <summary>One document per API, named after it; an API with versions shows its stable version's.</summary>
    public bool Publishes(string api) => registry.Options.DocumentedApis().Contains(api, StringComparer.Ordinal);

    /// <returns>A copy the caller may change.</returns>
    public async Task<DownstreamResult<JsonNode>> GetAsync(string api, CancellationToken ct)
    {
        var key = $"openapi:{api}";
        if (cache.TryGetValue(key, out JsonNode? cached) && cached is not null)
        {
            return new(DownstreamOutcome.Succeeded, cached.DeepClone(), StatusCodes.Status200OK);
        }

        var service = registry.ServiceFor(api);
        var document = new Uri(DownstreamOptions.AddressOf(service), registry.Options.Services[service].OpenApiPath!);
        var fetched = await DownstreamCall.GetAsync<JsonNode>(http, document, logger, ct);
        if (fetched.Succeeded)
        {
            cache.Set(key, fetched.Value.DeepClone(), options.Value.CacheDuration);
        }

        return fetched;
    }
}
