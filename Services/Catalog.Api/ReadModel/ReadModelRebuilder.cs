using Microsoft.Extensions.Options;
using Polly;

namespace AspireMsa.Catalog.Api.ReadModel;

/// <summary>
/// Rebuilds indexes from PostgreSQL: one index when a listing finds it incomplete, or everything on an operator's
/// request. Every document goes through the version-guarded write, so a rebuild racing with writes never puts an older
/// version over a newer one, and a deleted product's tombstone keeps it out.
/// </summary>
public sealed class ReadModelRebuilder(
    RedisReadModelStore store,
    ProductDatabaseReader database,
    [FromKeyedServices(ReadModelResilience.PipelineName)] ResiliencePipeline redis,
    ReadModelMetrics metrics,
    IOptions<ReadModelOptions> options)
{
    private readonly int _batchSize = options.Value.RebuildBatchSize;

    /// <returns>Whether PostgreSQL was read; false when the index was already complete (another caller rebuilt it first).</returns>
    public async ValueTask<bool> RebuildIndexIfIncompleteAsync(string? category, CancellationToken cancellationToken)
    {
        var index = ReadModelKeys.Index(category);
        if (await redis.ExecuteAsync(async ct => await store.IsIndexCompleteAsync(index, ct), cancellationToken))
        {
            return false;
        }

        metrics.RecordDbLoad();
        await foreach (var batch in database.StreamAsync(category, _batchSize, cancellationToken))
        {
            await redis.ExecuteAsync(async ct => await store.ApplyAsync(batch, ct), cancellationToken);
        }

        // Pruning issues many calls, so it runs outside the per-call timeout; a Redis outage still fails it at once.
        await store.PruneIndexAsync(index, cancellationToken);
        await redis.ExecuteAsync(async ct => await store.MarkIndexCompleteAsync(index, ct), cancellationToken);
        return true;
    }

    /// <summary>Writes every product from PostgreSQL, removes index entries no document backs, and marks the indexes complete.</summary>
    public async Task<ReadModelRebuildResult> RebuildAllAsync(CancellationToken cancellationToken)
    {
        long products = 0;
        var completeIndexes = new HashSet<string>(StringComparer.Ordinal) { ReadModelKeys.AllProductsIndex };
        await foreach (var batch in database.StreamAsync(category: null, _batchSize, cancellationToken))
        {
            await redis.ExecuteAsync(async ct => await store.ApplyAsync(batch, ct), cancellationToken);
            products += batch.Count;
            completeIndexes.UnionWith(batch.Select(product => ReadModelKeys.Index(product.Category)));
        }

        long removed = 0;
        foreach (var index in (await store.IndexKeysAsync(cancellationToken)).Union(completeIndexes))
        {
            removed += await store.PruneIndexAsync(index, cancellationToken);
        }

        foreach (var index in completeIndexes)
        {
            await redis.ExecuteAsync(async ct => await store.MarkIndexCompleteAsync(index, ct), cancellationToken);
        }

        return new ReadModelRebuildResult(products, completeIndexes.Count, removed);
    }
}
