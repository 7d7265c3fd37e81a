namespace AspireMsa.IntegrationTests;

/// <summary>Canary tests change weights, inject faults and stop catalog-v2, so they run against their own system.</summary>
[CollectionDefinition(Name)]
public sealed class CanaryCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "canary-releases";
}
