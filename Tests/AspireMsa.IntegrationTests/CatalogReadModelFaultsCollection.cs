namespace AspireMsa.IntegrationTests;

/// <summary>
/// A second, private AppHost for the read-model tests that flush or stop Redis, so they never disturb the shared
/// <see cref="SystemCollection"/> (whose gateway keeps its key ring and rate limits in Redis). xUnit gives each
/// collection its own fixture instance, and the assembly runs collections one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class CatalogReadModelFaultsCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "catalog-read-model-faults";
}
