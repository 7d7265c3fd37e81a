using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Configuration;

namespace AspireMsa.Gateway.Downstream;

/// <summary>
/// Gives YARP the clusters built from the registry, beside the routes it loads from <c>ReverseProxy:Routes</c>. The
/// registry is fixed for the process's life (the AppHost sets it at start), so the configuration never changes.
/// </summary>
public sealed class DownstreamProxyConfigProvider(IOptions<DownstreamOptions> options) : IProxyConfigProvider
{
    private readonly Lazy<IProxyConfig> _config = new(() => new Config(DownstreamClusters.From(options.Value)));

    public IProxyConfig GetConfig() => _config.Value;

    private sealed class Config(IReadOnlyList<ClusterConfig> clusters) : IProxyConfig
    {
        public IReadOnlyList<RouteConfig> Routes { get; } = [];

        public IReadOnlyList<ClusterConfig> Clusters { get; } = clusters;

        public IChangeToken ChangeToken { get; } = new CancellationChangeToken(CancellationToken.None);
    }
}
