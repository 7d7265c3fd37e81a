namespace AspireMsa.IntegrationTests;

/// <summary>The shared system: tests that leave every process running and every backing service up.</summary>
[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "system";
}
