namespace AspireMsa.Catalog.Api.ReadModel;

/// <summary>
/// Read-model counters of this catalog process since it started: reads Redis answered (<see cref="Hits"/>), reads Redis
/// could not answer (<see cref="Misses"/>), PostgreSQL loads that repopulated Redis after misses, one per product or
/// index however many readers missed together (<see cref="DbLoads"/>), reads answered by PostgreSQL because Redis failed
/// (<see cref="Fallbacks"/>), changes the relay applied late (<see cref="Relayed"/>), outbox rows still waiting for Redis
/// (<see cref="PendingOutbox"/>, from the database), and the Redis circuit (<see cref="RedisCircuit"/>: Closed, Open, HalfOpen).
/// </summary>
public sealed record ReadModelStats(long Hits, long Misses, long DbLoads, long Fallbacks, long Relayed, long PendingOutbox, string RedisCircuit);
