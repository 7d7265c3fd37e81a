using System.Text.Json.Nodes;
using AspireMsa.Gateway.Bff;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace AspireMsa.Gateway.ApiPortal;

/// <summary>
/// Fetches a service's OpenAPI document by service discovery and keeps it briefly, so the portal does not call every
/// service on every page load. Only successes are kept: a service that comes back is shown at once.
/// </summary>
public sealed class ServiceDocumentClient(HttpClient http, IMemoryCache cache, IOptions<ApiPortalOptions> options, ILogger<ServiceDocumentClient> logger)
{
    public bool Publishes(string service) => options.Value.Services.ContainsKey(service);

    /// <returns>A copy the caller may change.</returns>
    public async Task<DownstreamResult<JsonNode>> GetAsync(string service, CancellationToken ct)
    {
        var key = $"openapi:{service}";
        if (cache.TryGetValue(key, out JsonNode? cached) && cached is not null)
        {
            return new(DownstreamOutcome.Succeeded, cached.DeepClone(), StatusCodes.Status200OK);
        }

        var settings = options.Value;
        var fetched = await DownstreamCall.GetAsync<JsonNode>(http, new Uri(settings.Services[service], settings.DocumentPath), logger, ct);
        if (fetched.Succeeded)
        {
            cache.Set(key, fetched.Value.DeepClone(), settings.CacheDuration);
        }

        return fetched;
    }
}
