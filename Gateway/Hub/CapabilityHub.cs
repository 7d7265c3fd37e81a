using System.Text.Json;
using System.Text.Json.Nodes;
using AspireMsa.Gateway.ApiPortal;
using AspireMsa.Gateway.Downstream;
using AspireMsa.ServiceDefaults.Capabilities;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace AspireMsa.Gateway.Hub;

/// <summary>
/// Reads every deployed capability's manifest by service discovery, through the API portal's document client, and keeps
/// the aggregate briefly. Only the services the AppHost put behind the gateway are asked, so a capability switched off is
/// simply not there; one that is deployed but does not answer is named in <see cref="HubCatalog.Unavailable"/>.
/// </summary>
public sealed class CapabilityHub(ServiceDocumentClient documents, DownstreamRegistry registry, HybridCache cache, IOptions<HubOptions> options)
{
    private const string CacheKey = "hub:catalog";

    public async Task<HubCatalog> GetAsync(CancellationToken ct)
    {
        var duration = options.Value.CacheDuration;
        return await cache.GetOrCreateAsync(
            CacheKey,
            async token => await ReadAsync(token),
            new HybridCacheEntryOptions { Expiration = duration, LocalCacheExpiration = duration },
            cancellationToken: ct);
    }

    private async Task<HubCatalog> ReadAsync(CancellationToken ct)
    {
        var services = registry.Options.DescribedServices();
        var fetched = await Task.WhenAll(services.Select(async service => (Service: service, Result: await documents.GetCapabilityAsync(service, ct))));
        var manifests = fetched.Select(entry => entry.Result.Succeeded ? Read(entry.Result.Value) : null).OfType<CapabilityManifest>().ToList();
        var unavailable = services.Except(manifests.Select(manifest => manifest.Metadata.Name), StringComparer.Ordinal).ToList();
        return HubCatalog.From(manifests, unavailable);
    }

    /// <summary>A document that is not a manifest leaves its service out, as unavailable, rather than failing the hub.</summary>
    private static CapabilityManifest? Read(JsonNode document)
    {
        try
        {
            return document.Deserialize<CapabilityManifest>(JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
