namespace AspireMsa.IntegrationTests;

/// <summary>
/// A private AppHost for the messaging fault tests, which stop the broker, PostgreSQL and Inventory replicas: the shared
/// <see cref="SystemCollection"/> never sees them missing. xUnit gives each collection its own fixture; a few collections
/// run side by side (<see cref="IntegrationTestFramework"/>), the tests within one in turn.
/// </summary>
[CollectionDefinition(Name)]
public sealed class MessagingFaultCollection : ICollectionFixture<FaultSystemFixture>
{
    public const string Name = "messaging-faults";
}
