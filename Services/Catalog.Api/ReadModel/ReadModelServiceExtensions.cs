using AspireMsa.Catalog.Api.Infrastructure;
using StackExchange.Redis;

namespace AspireMsa.Catalog.Api.ReadModel;

public static class ReadModelServiceExtensions
{
    public const string RedisConnectionName = "redis";

    // Well inside YARP's active health check timeout (2 s).
    private static readonly TimeSpan DegradableCheckTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The Redis read model: client, breaker, single-flight, write-through, relay and counters.</summary>
    public static IHostApplicationBuilder AddReadModel(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.AddRedisClient(
            RedisConnectionName,
            // Our own check below replaces Aspire's, which would report the whole service unhealthy when Redis is down.
            settings => settings.DisableHealthChecks = true,
            // Fail at once while disconnected instead of queueing for seconds: the breaker and the fallback take it from there.
            redis => redis.BacklogPolicy = BacklogPolicy.FailFast);
        // Degraded, not unhealthy, and within a second even when Redis hangs: without Redis the catalog still answers from
        // PostgreSQL, so YARP's active health check must keep it in rotation.
        builder.Services.AddHealthChecks().AddRedis(services => services.GetRequiredService<IConnectionMultiplexer>(), name: RedisConnectionName);
        builder.Services.AddDegradableDependency(RedisConnectionName, DegradableCheckTimeout);
        // Likewise PostgreSQL: while it hangs or is down, reads are still answered from Redis; only writes fail.
        builder.Services.AddDegradableDependency(nameof(CatalogDbContext), DegradableCheckTimeout);

        builder.Services.AddOptions<ReadModelOptions>()
            .BindConfiguration(ReadModelOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddReadModelResilience();
        builder.Services.AddHybridCache();

        builder.Services.AddSingleton<ReadModelMetrics>();
        builder.Services.AddSingleton<RedisReadModelStore>();
        builder.Services.AddSingleton<ProductDatabaseReader>();
        builder.Services.AddSingleton<ReadModelRebuilder>();
        builder.Services.AddSingleton<ProductReadModel>();
        builder.Services.AddScoped<ReadModelWriter>();
        builder.Services.AddHostedService<ReadModelOutboxRelay>();
        return builder;
    }
}
