using System.Text.Json.Nodes;
using AspireMsa.Gateway.Bff;
using AspireMsa.Gateway.Downstream;
using AspireMsa.ServiceDefaults.Capabilities;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace AspireMsa.Gateway.ApiPortal;

/// <summary>
/// Fetches the documents services publish about themselves by service discovery: an API's OpenAPI document for the
/// portal, kept briefly so the portal does not call every service on every page load (only successes are kept: a service
/// that comes back is shown at once), and a service's capability manifest for the hub, which caches its own aggregate.
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
        var fetched = await FetchAsync(service, registry.Options.Services[service].OpenApiPath!, ct);
        if (fetched.Succeeded)
        {
            cache.Set(key, fetched.Value.DeepClone(), options.Value.CacheDuration);
        }

        return fetched;
    }

    /// <summary>The manifest a service serves at <see cref="CapabilityManifestApi.Path"/>, by its discovery name.</summary>
    public Task<DownstreamResult<JsonNode>> GetCapabilityAsync(string service, CancellationToken ct) =>
        FetchAsync(service, CapabilityManifestApi.Path, ct);

    private Task<DownstreamResult<JsonNode>> FetchAsync(string service, string path, CancellationToken ct) =>
        DownstreamCall.GetAsync<JsonNode>(http, new Uri(DownstreamOptions.AddressOf(service), path), logger, ct);
}
