namespace AspireMsa.IntegrationTests;

/// <summary>The alerting tests stop Ordering to make an alert fire, so they run against their own system.</summary>
[CollectionDefinition(Name)]
public sealed class AlertingCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "alerting";
}
