using Yarp.ReverseProxy.Configuration;

namespace AspireMsa.Gateway.Downstream;

/// <summary>
/// One YARP cluster per registered service, named by its discovery name, with that name as its one destination (service
/// discovery finds the replicas) and the same active and passive health checks for all.
/// </summary>
public static class DownstreamClusters
{
    public static IReadOnlyList<ClusterConfig> From(DownstreamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Clusters;
        return [.. options.Services.Select(service => new ClusterConfig
        {
            ClusterId = service.Key,
            Destinations = new Dictionary<string, DestinationConfig>
            {
                [service.Key] = new() { Address = DownstreamOptions.AddressOf(service.Key).OriginalString },
            },
            HttpRequest = settings.PerTryTimeouts.TryGetValue(service.Value.Api, out var perTry) ? new() { ActivityTimeout = perTry } : null,
            HealthCheck = new HealthCheckConfig
            {
                Active = new ActiveHealthCheckConfig
                {
                    Enabled = true,
                    Interval = settings.HealthCheckInterval,
                    Timeout = settings.HealthCheckTimeout,
                    Policy = "ConsecutiveFailures",
                    Path = settings.HealthPath,
                },
                Passive = new PassiveHealthCheckConfig
                {
                    Enabled = true,
                    Policy = "TransportFailureRate",
                    ReactivationPeriod = settings.ReactivationPeriod,
                },
            },
        })];
    }
}
