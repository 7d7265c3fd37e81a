using System.Diagnostics.Metrics;
using Polly.CircuitBreaker;

namespace AspireMsa.Catalog.Api.ReadModel;

/// <summary>
/// The read model's counters, exported through OpenTelemetry (the meter name starts with <c>AspireMsa.</c>, which
/// ServiceDefaults exports) and kept as totals for the diagnostics endpoint, since a meter cannot be read back in-process.
/// </summary>
public sealed class ReadModelMetrics
{
    public const string MeterName = "AspireMsa.Catalog";

    private readonly Counter<long> _hits;
    private readonly Counter<long> _misses;
    private readonly Counter<long> _dbLoads;
    private readonly Counter<long> _fallbacks;
    private readonly Counter<long> _relayed;
    private readonly CircuitBreakerStateProvider _redisCircuit;
    private long _hitCount;
    private long _missCount;
    private long _dbLoadCount;
    private long _fallbackCount;
    private long _relayedCount;

    public ReadModelMetrics(IMeterFactory meterFactory, CircuitBreakerStateProvider redisCircuit)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _redisCircuit = redisCircuit;
        var meter = meterFactory.Create(MeterName);
        _hits = meter.CreateCounter<long>("catalog.read_model.hits", "{read}", "Catalog reads answered by Redis");
        _misses = meter.CreateCounter<long>("catalog.read_model.misses", "{read}", "Catalog reads Redis held nothing for");
        _dbLoads = meter.CreateCounter<long>("catalog.read_model.db_loads", "{load}", "PostgreSQL loads that repopulated Redis after a miss (one product, or one whole index)");
        _fallbacks = meter.CreateCounter<long>("catalog.read_model.fallbacks", "{read}", "Catalog reads answered by PostgreSQL because Redis failed");
        _relayed = meter.CreateCounter<long>("catalog.read_model.relayed", "{change}", "Changes the outbox relay applied to Redis after the request could not");
        meter.CreateObservableGauge(
            "catalog.read_model.redis_circuit_open", () => IsRedisSkipped ? 1 : 0, "{circuit}", "1 while reads skip Redis (circuit open or probing)");
    }

    public void RecordHit() => Record(_hits, ref _hitCount);

    public void RecordMiss() => Record(_misses, ref _missCount);

    public void RecordDbLoad() => Record(_dbLoads, ref _dbLoadCount);

    public void RecordFallback() => Record(_fallbacks, ref _fallbackCount);

    public void RecordRelayed() => Record(_relayed, ref _relayedCount);

    public ReadModelStats Snapshot(long pendingOutbox) => new(
        Interlocked.Read(ref _hitCount),
        Interlocked.Read(ref _missCount),
        Interlocked.Read(ref _dbLoadCount),
        Interlocked.Read(ref _fallbackCount),
        Interlocked.Read(ref _relayedCount),
        pendingOutbox,
        _redisCircuit.CircuitState.ToString());

    private bool IsRedisSkipped => _redisCircuit.CircuitState != CircuitState.Closed;

    private static void Record(Counter<long> counter, ref long total)
    {
        Interlocked.Increment(ref total);
        counter.Add(1);
    }
}
