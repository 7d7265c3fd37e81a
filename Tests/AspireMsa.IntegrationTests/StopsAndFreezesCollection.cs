namespace AspireMsa.IntegrationTests;

/// <summary>
/// A private system for the tests that freeze each backing service, stop Ordering to make an alert fire, or change the
/// canary's weights, slow it down and stop it. Each test leaves the system healthy, so they share one system in turn.
/// </summary>
[CollectionDefinition(Name)]
public sealed class StopsAndFreezesCollection : ICollectionFixture<FaultSystemFixture>
{
    public const string Name = "stops-and-freezes";
}
