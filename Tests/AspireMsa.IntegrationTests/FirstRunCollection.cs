namespace AspireMsa.IntegrationTests;

/// <summary>
/// What a newcomer's first run shows: the demo store and a clean dashboard. Those tests count every trace and read every
/// log line the system made since it started, so they run first (<see cref="ChecksAFreshSystemAttribute"/>). The system
/// then takes a share of the fault tests (freezes and the price fan-out), so that it and the <see cref="FaultCollection"/>
/// system, which run side by side, end at about the same time: alone, the fault system ran 696 s and this one 349 s.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FirstRunCollection : ICollectionFixture<FirstRunFixture>
{
    public const string Name = "first-run";
}
