namespace AspireMsa.IntegrationTests;

/// <summary>
/// Tests that stop a service run against their own system (xUnit creates a collection fixture per collection), so the
/// shared <see cref="SystemCollection"/> never sees a service missing. Collections run one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BffDegradationCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "bff-degradation";
}
