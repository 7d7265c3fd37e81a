namespace AspireMsa.IntegrationTests;

/// <summary>The body of <c>GET /api/catalog/admin/read-model/stats</c>.</summary>
public sealed record CatalogReadModelStats(long Hits, long Misses, long DbLoads, long Fallbacks, long Relayed, long PendingOutbox, string RedisCircuit);
