using Yarp.ReverseProxy.Model;

namespace AspireMsa.Gateway.Canary;

/// <summary>
/// Whether a version can take traffic. YARP's default availability policy, HealthyOrPanic, lists every destination of a
/// cluster whose destinations are all unhealthy ("panic"), so <c>AvailableDestinations</c> is never empty and cannot tell
/// a dead version from a live one: the destinations' own health states can.
/// </summary>
public static class ClusterHealth
{
    /// <summary>At least one destination that neither the active nor the passive health check has marked unhealthy.</summary>
    public static bool HasHealthyDestination(ClusterState cluster) =>
        cluster.DestinationsState.AllDestinations.Any(destination =>
            destination.Health.Active != DestinationHealth.Unhealthy && destination.Health.Passive != DestinationHealth.Unhealthy);
}
