namespace AspireMsa.Benchmarks.Measures;

/// <summary>The body of the catalog's <c>GET /api/catalog/admin/read-model/stats</c> (process-wide counters).</summary>
public sealed record ReadModelStats(long Hits, long Misses, long DbLoads, long Fallbacks, long Relayed, long PendingOutbox, string RedisCircuit);
