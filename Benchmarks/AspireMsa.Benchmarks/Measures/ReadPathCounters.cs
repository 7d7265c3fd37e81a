namespace AspireMsa.Benchmarks.Measures;

/// <summary>
/// What the catalog itself counted during one measured run: reads Redis answered (hits) and reads that fell back to
/// PostgreSQL, plus the <c>X-Read-Source</c> of a probe request made just before the run.
/// </summary>
public sealed record ReadPathCounters(string ProbeReadSource, long RedisHits, long Fallbacks, long DbLoads, string RedisCircuit);
