namespace AspireMsa.IntegrationTests;

/// <summary>The demo-data tests need a store the loader stocked and no other test touched, so they start their own system.</summary>
[CollectionDefinition(Name)]
public sealed class DemoDataCollection : ICollectionFixture<DemoDataSystemFixture>
{
    public const string Name = "demo-data";
}
