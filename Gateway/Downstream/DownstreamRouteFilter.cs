using Yarp.ReverseProxy.Configuration;

namespace AspireMsa.Gateway.Downstream;

/// <summary>
/// A route names the API it serves as its <c>ClusterId</c> (<c>catalog</c>, not <c>catalog-v1</c>), so no discovery name
/// is written in the gateway's routes; this YARP config filter points it at the API's service from the registry. A route
/// of a capability that is not deployed (the AppHost registered none of its services) keeps a cluster that does not
/// exist, which YARP answers 503 (problem details by the status-code pages) instead of failing the whole configuration.
/// </summary>
public sealed class DownstreamRouteFilter(DownstreamRegistry registry) : IProxyConfigFilter
{
    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel) => ValueTask.FromResult(cluster);

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel) =>
        ValueTask.FromResult(route.ClusterId is { } api && cluster is null ? route with { ClusterId = registry.DeployedServiceFor(api) ?? api } : route);
}
