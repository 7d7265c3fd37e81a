using System.Text.Json;
using AspireMsa.Catalog.Api.Apis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AspireMsa.Catalog.Api.ReadModel;

/// <summary>
/// The read model in Redis: product documents, one sorted set per category and one for all products (layout in
/// <see cref="ReadModelKeys"/>). Every call may throw a Redis failure; callers run it through the read-model breaker.
/// Calls await with <c>WaitAsync</c> because StackExchange.Redis takes no cancellation token and the breaker's timeout cancels.
/// </summary>
public sealed class RedisReadModelStore(IConnectionMultiplexer redis, IOptions<ReadModelOptions> options)
{
    /// <summary>A not-found marker is a tombstone of version 0: any real version (1 and up) of the product replaces it.</summary>
    private const long NotFoundVersion = 0;

    private static readonly RedisValue[] LookupFields = ["json", "deleted"];

    private readonly ReadModelOptions _options = options.Value;

    private IDatabase Database => redis.GetDatabase();

    public async Task<ProductLookup> GetProductAsync(Guid id, CancellationToken cancellationToken)
    {
        var fields = await Database.HashGetAsync(ReadModelKeys.Product(id), LookupFields).WaitAsync(cancellationToken);
        if (!fields[0].IsNull)
        {
            return ProductLookup.Found(Deserialize(fields[0].ToString()));
        }

        return fields[1].IsNull ? ProductLookup.Miss : ProductLookup.Absent;
    }

    /// <returns>The id Redis knows for the SKU, or <see langword="null"/> when it knows none (a miss: the index is filled by writes).</returns>
    public async Task<Guid?> FindIdBySkuAsync(string sku, CancellationToken cancellationToken)
    {
        var id = await Database.HashGetAsync(ReadModelKeys.SkuIndex, sku).WaitAsync(cancellationToken);
        return !id.IsNull && ReadModelKeys.TryParseProductId(id.ToString(), out var productId) ? productId : null;
    }

    /// <returns>The page, or <see langword="null"/> when Redis holds no complete index for the category.</returns>
    public async Task<PagedResult<ProductResponse>?> GetPageAsync(string? category, int page, int pageSize, CancellationToken cancellationToken)
    {
        var (start, stop) = ReadModelKeys.PageRange(page, pageSize);
        var result = await Database.ScriptEvaluateAsync(ReadModelScripts.ReadPage, new
        {
            index = (RedisKey)ReadModelKeys.Index(category),
            start,
            stop,
            productKeyPrefix = ReadModelKeys.ProductKeyPrefix,
        }).WaitAsync(cancellationToken);
        if (result.IsNull)
        {
            return null;
        }

        var values = (RedisResult[])result!;
        var items = values.Skip(1).Select(value => Deserialize(value.ToString())).ToArray();
        return new PagedResult<ProductResponse>(items, page, pageSize, (long)values[0]);
    }

    /// <returns>Whether Redis took the document; false when it already held a newer version or tombstone.</returns>
    public async Task<bool> ApplyAsync(ProductResponse product, CancellationToken cancellationToken) =>
        (int)await Database.ScriptEvaluateAsync(ReadModelScripts.ApplyProduct, ApplyArguments(product)).WaitAsync(cancellationToken) == 1;

    /// <summary>Applies many documents at once; StackExchange.Redis pipelines them, and each script stays atomic on its own.</summary>
    public Task ApplyAsync(IEnumerable<ProductResponse> products, CancellationToken cancellationToken) =>
        Task.WhenAll(products.Select(product => Database.ScriptEvaluateAsync(ReadModelScripts.ApplyProduct, ApplyArguments(product))))
            .WaitAsync(cancellationToken);

    public Task<bool> ApplyTombstoneAsync(Guid id, long version, CancellationToken cancellationToken) =>
        ApplyTombstoneAsync(id, version, _options.TombstoneTtl, cancellationToken);

    /// <summary>Remembers for a short while that PostgreSQL has no such product, so repeated lookups of it stay in Redis.</summary>
    public Task<bool> ApplyNotFoundAsync(Guid id, CancellationToken cancellationToken) =>
        ApplyTombstoneAsync(id, NotFoundVersion, _options.NotFoundTtl, cancellationToken);

    public async Task<bool> IsIndexCompleteAsync(string indexKey, CancellationToken cancellationToken) =>
        (await Database.SortedSetScoreAsync(indexKey, ReadModelKeys.CompleteMarker).WaitAsync(cancellationToken)).HasValue;

    public Task MarkIndexCompleteAsync(string indexKey, CancellationToken cancellationToken) =>
        Database.ScriptEvaluateAsync(ReadModelScripts.MarkComplete, new
        {
            index = (RedisKey)indexKey,
            emptyTtlMilliseconds = (long)_options.EmptyIndexTtl.TotalMilliseconds,
        }).WaitAsync(cancellationToken);

    /// <summary>The indexes Redis holds, complete or not (SCAN, so Redis is never blocked by a large key space).</summary>
    public async Task<IReadOnlyList<string>> IndexKeysAsync(CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        foreach (var server in redis.GetServers().Where(server => !server.IsReplica))
        {
            await foreach (var key in server.KeysAsync(pattern: ReadModelKeys.IndexKeyPattern, pageSize: _options.RebuildBatchSize)
                .WithCancellation(cancellationToken))
            {
                keys.Add(key.ToString());
            }
        }

        return keys;
    }

    /// <summary>Removes the entries of an index that no stored document places there (left by changes Redis never saw).</summary>
    /// <returns>How many entries were removed.</returns>
    public async Task<long> PruneIndexAsync(string indexKey, CancellationToken cancellationToken)
    {
        var isAllIndex = indexKey == ReadModelKeys.AllProductsIndex ? 1 : 0;
        var checks = new List<Task<long>>();
        long removed = 0;
        await foreach (var entry in Database.SortedSetScanAsync(indexKey, pageSize: _options.RebuildBatchSize).WithCancellation(cancellationToken))
        {
            var member = entry.Element.ToString();
            if (member.Length == 0)
            {
                continue;
            }

            checks.Add(PruneEntryAsync(indexKey, member, isAllIndex));
            if (checks.Count >= _options.RebuildBatchSize)
            {
                removed += await CountRemovedAsync(checks, cancellationToken);
            }
        }

        return removed + await CountRemovedAsync(checks, cancellationToken);
    }

    private async Task<long> PruneEntryAsync(string indexKey, string member, int isAllIndex)
    {
        if (!ReadModelKeys.TryGetProductId(member, out var productId))
        {
            return await Database.SortedSetRemoveAsync(indexKey, member) ? 1 : 0;
        }

        return (long)await Database.ScriptEvaluateAsync(ReadModelScripts.PruneEntry, new
        {
            index = (RedisKey)indexKey,
            product = (RedisKey)ReadModelKeys.Product(productId),
            member,
            isAllIndex,
        });
    }

    private static async Task<long> CountRemovedAsync(List<Task<long>> checks, CancellationToken cancellationToken)
    {
        var removed = await Task.WhenAll(checks).WaitAsync(cancellationToken);
        checks.Clear();
        return removed.Sum();
    }

    private async Task<bool> ApplyTombstoneAsync(Guid id, long version, TimeSpan timeToLive, CancellationToken cancellationToken) =>
        (int)await Database.ScriptEvaluateAsync(ReadModelScripts.ApplyTombstone, new
        {
            product = (RedisKey)ReadModelKeys.Product(id),
            allIndex = (RedisKey)ReadModelKeys.AllProductsIndex,
            skuIndex = (RedisKey)ReadModelKeys.SkuIndex,
            id = ReadModelKeys.ProductId(id),
            version,
            ttlMilliseconds = (long)timeToLive.TotalMilliseconds,
        }).WaitAsync(cancellationToken) == 1;

    private static object ApplyArguments(ProductResponse product) => new
    {
        product = (RedisKey)ReadModelKeys.Product(product.Id),
        allIndex = (RedisKey)ReadModelKeys.AllProductsIndex,
        categoryIndex = (RedisKey)ReadModelKeys.Index(product.Category),
        skuIndex = (RedisKey)ReadModelKeys.SkuIndex,
        id = ReadModelKeys.ProductId(product.Id),
        sku = product.Sku,
        version = product.Version,
        json = JsonSerializer.Serialize(product, JsonSerializerOptions.Web),
        member = ReadModelKeys.IndexMember(product.Name, product.Id),
    };

    private static ProductResponse Deserialize(string json) =>
        JsonSerializer.Deserialize<ProductResponse>(json, JsonSerializerOptions.Web)
        ?? throw new InvalidDataException("A product document in Redis is empty.");
}
