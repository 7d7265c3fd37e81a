using AspireMsa.Catalog.Api.Apis;
using Microsoft.Extensions.Caching.Hybrid;
using Polly;

namespace AspireMsa.Catalog.Api.ReadModel;

/// <summary>
/// The query side: every read is answered by Redis. A miss is compensated by loading from PostgreSQL and repopulating
/// Redis through the version-guarded write, once per key and process however many readers miss at the same moment.
/// When Redis fails (or its circuit is open) the read is answered by PostgreSQL instead of failing.
/// </summary>
public sealed partial class ProductReadModel(
    RedisReadModelStore store,
    ProductDatabaseReader database,
    ReadModelRebuilder rebuilder,
    HybridCache singleFlight,
    [FromKeyedServices(ReadModelResilience.PipelineName)] ResiliencePipeline redis,
    ReadModelMetrics metrics,
    ILogger<ProductReadModel> logger)
{
    /// <summary>
    /// HybridCache serves only as a keyed single-flight (its stampede protection): both of its cache levels are off, so no
    /// in-process copy can outlive a write and answer stale. Redis is the one cache, kept current by write-through.
    /// </summary>
    private static readonly HybridCacheEntryOptions SingleFlightOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableLocalCache | HybridCacheEntryFlags.DisableDistributedCache,
    };

    public async Task<ReadResult<ProductResponse?>> GetProductAsync(Guid id, CancellationToken cancellationToken)
    {
        ProductLookup lookup;
        try
        {
            lookup = await redis.ExecuteAsync(async ct => await store.GetProductAsync(id, ct), cancellationToken);
        }
        catch (Exception exception) when (ReadModelResilience.IsRedisFailure(exception))
        {
            FallingBack(exception);
            return await GetFromDatabaseAsync(id, cancellationToken);
        }

        if (lookup.IsKnown)
        {
            metrics.RecordHit();
            return new(lookup.Product, ReadSource.Redis);
        }

        metrics.RecordMiss();
        return await singleFlight.GetOrCreateAsync(
            $"catalog:product:{id:N}", (self: this, id), static (state, ct) => state.self.RepopulateProductAsync(state.id, ct),
            SingleFlightOnly, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// The SKU index in Redis names the product, which is then read like any other. A SKU Redis does not know (a miss: it
    /// is filled by writes, rebuilds and these loads) or that names a product no longer holding it is looked up in
    /// PostgreSQL once per SKU and process, and the product written back through the guarded script, SKU entry included.
    /// </summary>
    /// <param name="sku">Normalized (<see cref="Model.ProductSku.Normalize"/>).</param>
    public async Task<ReadResult<ProductResponse?>> GetProductBySkuAsync(string sku, CancellationToken cancellationToken)
    {
        Guid? id;
        try
        {
            id = await redis.ExecuteAsync(async ct => await store.FindIdBySkuAsync(sku, ct), cancellationToken);
        }
        catch (Exception exception) when (ReadModelResilience.IsRedisFailure(exception))
        {
            FallingBack(exception);
            return await singleFlight.GetOrCreateAsync(
                $"catalog:fallback:sku:{sku}", (database, sku),
                static async (state, ct) => new ReadResult<ProductResponse?>(await state.database.GetProductBySkuAsync(state.sku, ct), ReadSource.Database),
                SingleFlightOnly, cancellationToken: cancellationToken);
        }

        if (id is { } known)
        {
            var read = await GetProductAsync(known, cancellationToken);
            if (read.Value?.Sku == sku)
            {
                return read;
            }
        }
        else
        {
            metrics.RecordMiss();
        }

        return await singleFlight.GetOrCreateAsync(
            $"catalog:sku:{sku}", (self: this, sku), static (state, ct) => state.self.RepopulateSkuAsync(state.sku, ct),
            SingleFlightOnly, cancellationToken: cancellationToken);
    }

    public async Task<ReadResult<PagedResult<ProductResponse>>> ListAsync(
        string? category, int page, int pageSize, CancellationToken cancellationToken)
    {
        try
        {
            if (await redis.ExecuteAsync(async ct => await store.GetPageAsync(category, page, pageSize, ct), cancellationToken) is { } cached)
            {
                metrics.RecordHit();
                return new(cached, ReadSource.Redis);
            }

            metrics.RecordMiss();
            var loaded = await singleFlight.GetOrCreateAsync(
                $"catalog:{ReadModelKeys.Index(category)}", (rebuilder, category),
                static (state, ct) => state.rebuilder.RebuildIndexIfIncompleteAsync(state.category, ct),
                SingleFlightOnly, cancellationToken: cancellationToken);

            if (await redis.ExecuteAsync(async ct => await store.GetPageAsync(category, page, pageSize, ct), cancellationToken) is { } rebuilt)
            {
                return new(rebuilt, loaded ? ReadSource.Database : ReadSource.Redis);
            }
        }
        catch (Exception exception) when (ReadModelResilience.IsRedisFailure(exception))
        {
            FallingBack(exception);
            return await ListFromDatabaseAsync(category, page, pageSize, cancellationToken);
        }

        // The index was emptied again right after its rebuild (a flush): answer this once from PostgreSQL.
        metrics.RecordFallback();
        return await ListFromDatabaseAsync(category, page, pageSize, cancellationToken);
    }

    /// <summary>Fallback reads are single-flight too, so an outage does not turn into a stampede on PostgreSQL.</summary>
    private ValueTask<ReadResult<ProductResponse?>> GetFromDatabaseAsync(Guid id, CancellationToken cancellationToken) =>
        singleFlight.GetOrCreateAsync(
            $"catalog:fallback:product:{id:N}", (database, id),
            static async (state, ct) => new ReadResult<ProductResponse?>(await state.database.GetProductAsync(state.id, ct), ReadSource.Database),
            SingleFlightOnly, cancellationToken: cancellationToken);

    /// <summary>Fallback pages are single-flight too, for the same reason.</summary>
    private ValueTask<ReadResult<PagedResult<ProductResponse>>> ListFromDatabaseAsync(
        string? category, int page, int pageSize, CancellationToken cancellationToken) =>
        singleFlight.GetOrCreateAsync(
            $"catalog:fallback:{ReadModelKeys.Index(category)}:{page}:{pageSize}", (database, category, page, pageSize),
            static async (state, ct) => new ReadResult<PagedResult<ProductResponse>>(
                await state.database.ListAsync(state.category, state.page, state.pageSize, ct), ReadSource.Database),
            SingleFlightOnly, cancellationToken: cancellationToken);

    /// <summary>Runs once per product for all readers that missed together.</summary>
    private async ValueTask<ReadResult<ProductResponse?>> RepopulateProductAsync(Guid id, CancellationToken cancellationToken)
    {
        // A reader that missed just before the previous flight repopulated Redis starts a new flight: look again first.
        try
        {
            var again = await redis.ExecuteAsync(async ct => await store.GetProductAsync(id, ct), cancellationToken);
            if (again.IsKnown)
            {
                return new(again.Product, ReadSource.Redis);
            }
        }
        catch (Exception exception) when (ReadModelResilience.IsRedisFailure(exception))
        {
            LogRepopulationFailed(logger, id, exception);
        }

        metrics.RecordDbLoad();
        var product = await database.GetProductAsync(id, cancellationToken);
        try
        {
            await redis.ExecuteAsync(
                async ct => product is null ? await store.ApplyNotFoundAsync(id, ct) : await store.ApplyAsync(product, ct),
                cancellationToken);
        }
        catch (Exception exception) when (ReadModelResilience.IsRedisFailure(exception))
        {
            LogRepopulationFailed(logger, id, exception);
        }

        return new(product, ReadSource.Database);
    }

    private async ValueTask<ReadResult<ProductResponse?>> RepopulateSkuAsync(string sku, CancellationToken cancellationToken)
    {
        metrics.RecordDbLoad();
        var product = await database.GetProductBySkuAsync(sku, cancellationToken);
        if (product is not null)
        {
            try
            {
                await redis.ExecuteAsync(async ct => await store.ApplyAsync(product, ct), cancellationToken);
            }
            catch (Exception exception) when (ReadModelResilience.IsRedisFailure(exception))
            {
                LogRepopulationFailed(logger, product.Id, exception);
            }
        }

        return new(product, ReadSource.Database);
    }

    private void FallingBack(Exception exception)
    {
        metrics.RecordFallback();
        LogFallback(logger, exception.GetType().Name);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Redis could not answer ({Failure}); reading from PostgreSQL")]
    private static partial void LogFallback(ILogger logger, string failure);

    /// <summary>Debug only: an outage is reported once, when the circuit opens, not once per product.</summary>
    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not repopulate product {ProductId} in Redis")]
    private static partial void LogRepopulationFailed(ILogger logger, Guid productId, Exception exception);
}
