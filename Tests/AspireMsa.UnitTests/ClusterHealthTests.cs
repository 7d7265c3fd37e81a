using AspireMsa.Gateway.Canary;
using Yarp.ReverseProxy.Model;

namespace AspireMsa.UnitTests;

public class ClusterHealthTests
{
    [Fact]
    public void AVersionWhoseOnlyDestinationIsUnhealthy_HasNoHealthyDestination_EvenWhilePanicModeListsItAsAvailable()
    {
        var stopped = Destination(active: DestinationHealth.Unhealthy);
        // What YARP's default HealthyOrPanic policy makes of a cluster whose every destination is unhealthy.
        var cluster = Cluster(all: [stopped], available: [stopped]);

        Assert.False(ClusterHealth.HasHealthyDestination(cluster));
    }

    [Fact]
    public void ADestinationMarkedByThePassiveCheck_IsNotHealthy()
    {
        var failing = Destination(passive: DestinationHealth.Unhealthy);

        Assert.False(ClusterHealth.HasHealthyDestination(Cluster(all: [failing], available: [failing])));
    }

    [Fact]
    public void OneHealthyOrNotYetProbedDestination_IsEnough()
    {
        var stopped = Destination(active: DestinationHealth.Unhealthy);
        var fresh = Destination();

        Assert.True(ClusterHealth.HasHealthyDestination(Cluster(all: [stopped, fresh], available: [fresh])));
    }

    private static DestinationState Destination(DestinationHealth active = DestinationHealth.Unknown, DestinationHealth passive = DestinationHealth.Unknown)
    {
        var destination = new DestinationState(Guid.NewGuid().ToString());
        destination.Health.Active = active;
        destination.Health.Passive = passive;
        return destination;
    }

    private static ClusterState Cluster(DestinationState[] all, DestinationState[] available) =>
        new("catalog-v2") { DestinationsState = new ClusterDestinationsState(all, available) };
}
