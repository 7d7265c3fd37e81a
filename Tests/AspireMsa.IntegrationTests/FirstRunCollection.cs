namespace AspireMsa.IntegrationTests;

/// <summary>
/// What a newcomer's first run shows: the demo store and a clean dashboard. The tests count every trace and read every
/// log line the system made since it started, so nothing else may run against their system.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FirstRunCollection : ICollectionFixture<FirstRunFixture>
{
    public const string Name = "first-run";
}
