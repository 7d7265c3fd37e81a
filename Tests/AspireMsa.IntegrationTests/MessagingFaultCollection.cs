namespace AspireMsa.IntegrationTests;

/// <summary>
/// A private AppHost for the messaging fault tests, which stop the broker, PostgreSQL and Inventory replicas: the shared
/// <see cref="SystemCollection"/> never sees them missing. xUnit gives each collection its own fixture and runs
/// collections one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class MessagingFaultCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "messaging-faults";
}
