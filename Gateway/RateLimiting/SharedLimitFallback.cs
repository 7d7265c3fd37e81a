using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using StackExchange.Redis;

namespace AspireMsa.Gateway.RateLimiting;

/// <summary>
/// Decides, for every limited request, whether the shared counters in Redis answer: each call is bounded by a short
/// timeout inside a circuit breaker, and a request whose shared counter fails is counted by this replica's local limiter
/// instead. The breaker logs once when limits turn local and once when they are shared again; every request counted
/// locally adds to <c>aspiremsa.gateway.ratelimit.local_fallbacks</c>.
/// </summary>
public sealed partial class SharedLimitFallback
{
    public const string MeterName = "AspireMsa.Gateway.RateLimiting";

    // Opens after half of at least four calls within ten seconds failed: a few slow answers under load do not flip it.
    private const double BreakerFailureRatio = 0.5;
    private const int BreakerMinimumThroughput = 4;
    private static readonly TimeSpan BreakerSamplingDuration = TimeSpan.FromSeconds(10);

    private readonly ResiliencePipeline _pipeline;
    private readonly Counter<long> _fallbacks;

    // 1 while limits are local: the breaker re-opens after every failed probe, yet an outage is logged once.
    private int _local;

    public SharedLimitFallback(IOptions<GatewayRateLimitOptions> options, IMeterFactory meterFactory, TimeProvider clock, ILogger<SharedLimitFallback> logger)
    {
        var meter = meterFactory.Create(MeterName);
        _fallbacks = meter.CreateCounter<long>(
            "aspiremsa.gateway.ratelimit.local_fallbacks", "{request}", "Requests this replica rate-limited locally because the shared Redis counters did not answer.");
        meter.CreateObservableGauge(
            "aspiremsa.gateway.ratelimit.local", () => IsLocal ? 1 : 0, null, "1 while this replica counts rate limits on its own, 0 while they are shared in Redis.");
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = BreakerFailureRatio,
                MinimumThroughput = BreakerMinimumThroughput,
                SamplingDuration = BreakerSamplingDuration,
                BreakDuration = options.Value.SharedStoreBreakDuration,
                ShouldHandle = new PredicateBuilder().Handle<RedisException>().Handle<TimeoutException>().Handle<TimeoutRejectedException>(),
                OnOpened = args =>
                {
                    if (Interlocked.Exchange(ref _local, 1) == 0)
                    {
                        LogLimitsLocal(logger, args.Outcome.Exception);
                    }

                    return default;
                },
                OnClosed = _ =>
                {
                    if (Interlocked.Exchange(ref _local, 0) == 1)
                    {
                        LogLimitsShared(logger);
                    }

                    return default;
                },
            })
            .AddTimeout(options.Value.SharedStoreTimeout)
            .Build();
    }

    /// <summary>Whether this replica counts limits on its own now, because the shared store failed.</summary>
    public bool IsLocal => Volatile.Read(ref _local) == 1;

    public async ValueTask<RateLimitLease> AcquireAsync(RateLimiter shared, RateLimiter local, int permitCount, CancellationToken cancellationToken)
    {
        try
        {
            // RedisRateLimiting ignores the token, so the wait itself is cut off; a late answer is dropped.
            return await _pipeline.ExecuteAsync(
                static async (state, token) => await state.shared.AcquireAsync(state.permitCount, token).AsTask().WaitAsync(token),
                (shared, permitCount),
                cancellationToken);
        }
        catch (Exception exception) when (IsSharedStoreFailure(exception) && !cancellationToken.IsCancellationRequested)
        {
            _fallbacks.Add(1, new KeyValuePair<string, object?>("reason", exception is BrokenCircuitException ? "circuit-open" : "failure"));
            return await local.AcquireAsync(permitCount, cancellationToken);
        }
    }

    private static bool IsSharedStoreFailure(Exception exception) =>
        exception is RedisException or TimeoutException or TimeoutRejectedException or BrokenCircuitException;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Shared rate limits unavailable (Redis does not answer): each gateway replica limits on its own until Redis answers again")]
    private static partial void LogLimitsLocal(ILogger logger, Exception? exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shared rate limits are back: the counters in Redis apply across replicas again")]
    private static partial void LogLimitsShared(ILogger logger);
}
