using Yarp.ReverseProxy.Configuration;

namespace AspireMsa.Gateway.Downstream;

/// <summary>
/// A route names the API it serves as its <c>ClusterId</c> (<c>catalog</c>, not <c>catalog-v1</c>), so no discovery name
/// is written in the gateway's routes; this YARP config filter points it at the API's service from the registry. A route
/// of a capability that is not deployed (the AppHost registered none of its services) keeps a cluster that does not
/// exist, which YARP answers 503 (problem details by the status-code pages) instead of failing the whole configuration.
/// Such a route is also opened to anyone: its policy (a role, or a scope the token server no longer issues without the
/// capability) would otherwise answer 401 or 403 first, and the caller would never learn that the capability is simply
/// not there. It leads nowhere, so opening it shows nothing but that.
/// </summary>
public sealed class DownstreamRouteFilter(DownstreamRegistry registry) : IProxyConfigFilter
{
    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel) => ValueTask.FromResult(cluster);

    /// <summary>YARP's name for a route open to anonymous callers.</summary>
    public const string OpenToAnyone = "anonymous";

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(route);
        if (route.ClusterId is not { } api || cluster is not null)
        {
            return ValueTask.FromResult(route);
        }

        return ValueTask.FromResult(registry.DeployedServiceFor(api) is { } service
            ? route with { ClusterId = service }
            : route with { AuthorizationPolicy = OpenToAnyone });
    }
}
