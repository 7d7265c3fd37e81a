namespace AspireMsa.IntegrationTests;

/// <summary>
/// A private system for the tests that freeze, stop or flush Redis and the one that stops Inventory under the BFF, so
/// the shared <see cref="SystemCollection"/> (whose gateway keeps its key ring and rate limits in Redis) never sees them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RedisOutageCollection : ICollectionFixture<FaultSystemFixture>
{
    public const string Name = "redis-outages";
}
