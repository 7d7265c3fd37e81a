using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Timeout;
using StackExchange.Redis;

namespace AspireMsa.Catalog.Api.ReadModel;

/// <summary>
/// The one Polly pipeline every read-model call to Redis runs through: a timeout per call inside a circuit breaker.
/// While the circuit is open, reads go straight to PostgreSQL and writes leave their outbox rows to the relay; after
/// the break the next call probes Redis (half-open) and a success closes the circuit again, with no restart.
/// </summary>
public static partial class ReadModelResilience
{
    public const string PipelineName = "catalog-read-model";

    /// <summary>Whether an exception means "Redis cannot answer now", as opposed to a bug: only these fall back.</summary>
    public static bool IsRedisFailure(Exception exception) =>
        exception is RedisException or RedisTimeoutException or TimeoutRejectedException or BrokenCircuitException;

    public static IServiceCollection AddReadModelResilience(this IServiceCollection services)
    {
        // Lets the stats endpoint and the metrics report whether reads currently skip Redis.
        services.AddSingleton<CircuitBreakerStateProvider>();
        services.AddResiliencePipeline(PipelineName, (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<ReadModelOptions>>().Value;
            var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ReadModelResilience));
            pipeline
                .AddCircuitBreaker(new CircuitBreakerStrategyOptions
                {
                    StateProvider = context.ServiceProvider.GetRequiredService<CircuitBreakerStateProvider>(),
                    FailureRatio = options.BreakerFailureRatio,
                    MinimumThroughput = options.BreakerMinimumThroughput,
                    SamplingDuration = options.BreakerSamplingDuration,
                    BreakDuration = options.BreakerBreakDuration,
                    ShouldHandle = new PredicateBuilder()
                        .Handle<RedisException>()
                        .Handle<RedisTimeoutException>()
                        .Handle<TimeoutRejectedException>(),
                    OnOpened = args =>
                    {
                        LogCircuitOpened(logger, args.BreakDuration, args.Outcome.Exception);
                        return default;
                    },
                    OnHalfOpened = _ =>
                    {
                        LogCircuitHalfOpened(logger);
                        return default;
                    },
                    OnClosed = _ =>
                    {
                        LogCircuitClosed(logger);
                        return default;
                    },
                })
                .AddTimeout(options.RedisTimeout);
        });
        // Polly's registry builds a pipeline once per caller when its first callers race, and every build past the first
        // fails on the shared state provider (a 500 on a cold catalog under parallel reads): the container builds it once.
        services.AddKeyedSingleton(PipelineName, (provider, _) => provider.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(PipelineName));
        return services;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis read model unavailable: reads fall back to PostgreSQL for {BreakDuration}")]
    private static partial void LogCircuitOpened(ILogger logger, TimeSpan breakDuration, Exception? exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Probing the Redis read model again")]
    private static partial void LogCircuitHalfOpened(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis read model is back: reads are served from Redis again")]
    private static partial void LogCircuitClosed(ILogger logger);
}
