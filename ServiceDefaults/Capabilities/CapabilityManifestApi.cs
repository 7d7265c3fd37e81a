using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AspireMsa.ServiceDefaults.Capabilities;

/// <summary>
/// <c>GET /capability</c>: the service's manifest, for the gateway's hub. Anonymous like the OpenAPI document, and
/// internal: no gateway route forwards it; the hub reads it by service discovery and serves it to signed-in readers.
/// </summary>
public static class CapabilityManifestApi
{
    public const string Path = "/capability";

    public static IEndpointRouteBuilder MapCapabilityManifest(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, async Task<Ok<CapabilityManifest>> (CapabilityManifests manifests) => TypedResults.Ok(await manifests.GetAsync()))
            .WithName("GetCapabilityManifest")
            .ExcludeFromDescription()
            .AllowAnonymous();
        return app;
    }
}
