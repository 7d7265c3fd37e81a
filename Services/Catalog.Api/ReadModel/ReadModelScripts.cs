using StackExchange.Redis;

namespace AspireMsa.Catalog.Api.ReadModel;

/// <summary>
/// The Lua scripts that change the read model. Redis runs a script atomically, so comparing the stored version and
/// writing the document with its index entries cannot interleave with another writer's script.
/// </summary>
internal static class ReadModelScripts
{
    /// <summary>
    /// Writes a product's document, index entries and SKU entry unless Redis already holds a newer version (or a newer
    /// tombstone). An equal version is written again: same version means same content, and rewriting repairs its entries.
    /// The old entries are found through the stored document, so a product that changed category leaves its old index.
    /// </summary>
    public static readonly LuaScript ApplyProduct = LuaScript.Prepare("""
        local stored = redis.call('HGET', @product, 'version')
        if stored and tonumber(@version) < tonumber(stored) then
          return 0
        end
        local oldMember = redis.call('HGET', @product, 'member')
        if oldMember then
          redis.call('ZREM', @allIndex, oldMember)
          redis.call('ZREM', redis.call('HGET', @product, 'index'), oldMember)
        end
        redis.call('DEL', @product)
        redis.call('HSET', @product, 'version', @version, 'json', @json, 'member', @member, 'index', @categoryIndex, 'sku', @sku)
        redis.call('ZADD', @allIndex, 0, @member)
        redis.call('ZADD', @categoryIndex, 0, @member)
        redis.call('PERSIST', @categoryIndex)
        redis.call('HSET', @skuIndex, @sku, @id)
        return 1
        """);

    /// <summary>
    /// Replaces a product by a versioned tombstone that expires, unless Redis holds a newer version. While it lives, a late
    /// write of any older version (a slow miss repopulation, a rebuild that read before the delete) is refused. Its SKU
    /// entry goes too, unless another product took the SKU meanwhile.
    /// </summary>
    public static readonly LuaScript ApplyTombstone = LuaScript.Prepare("""
        local stored = redis.call('HGET', @product, 'version')
        if stored and tonumber(@version) < tonumber(stored) then
          return 0
        end
        local oldMember = redis.call('HGET', @product, 'member')
        if oldMember then
          redis.call('ZREM', @allIndex, oldMember)
          redis.call('ZREM', redis.call('HGET', @product, 'index'), oldMember)
        end
        local oldSku = redis.call('HGET', @product, 'sku')
        if oldSku and redis.call('HGET', @skuIndex, oldSku) == @id then
          redis.call('HDEL', @skuIndex, oldSku)
        end
        redis.call('DEL', @product)
        redis.call('HSET', @product, 'version', @version, 'deleted', '1')
        redis.call('PEXPIRE', @product, @ttlMilliseconds)
        return 1
        """);

    /// <summary>
    /// Reads one page of an index with its documents in one atomic step: nil when the index is not complete, else the total
    /// followed by the documents. A member whose document is gone (evicted) makes the index incomplete, so it is rebuilt.
    /// </summary>
    public static readonly LuaScript ReadPage = LuaScript.Prepare("""
        if not redis.call('ZSCORE', @index, '') then
          return false
        end
        local members = redis.call('ZRANGE', @index, @start, @stop)
        local page = { redis.call('ZCARD', @index) - 1 }
        for _, member in ipairs(members) do
          local json = redis.call('HGET', @productKeyPrefix .. string.sub(member, -32), 'json')
          if not json then
            redis.call('ZREM', @index, '')
            return false
          end
          page[#page + 1] = json
        end
        return page
        """);

    /// <summary>
    /// Marks an index complete. An index holding only the marker (a category without products) expires, so queries for
    /// arbitrary categories leave nothing behind; the first product written to it makes it permanent again.
    /// </summary>
    public static readonly LuaScript MarkComplete = LuaScript.Prepare("""
        redis.call('ZADD', @index, 0, '')
        if redis.call('ZCARD', @index) == 1 then
          redis.call('PEXPIRE', @index, @emptyTtlMilliseconds)
        end
        return 1
        """);

    /// <summary>Removes an index entry unless the product's stored document still places it there.</summary>
    public static readonly LuaScript PruneEntry = LuaScript.Prepare("""
        if redis.call('HGET', @product, 'member') == @member
          and (@isAllIndex == '1' or redis.call('HGET', @product, 'index') == @index) then
          return 0
        end
        return redis.call('ZREM', @index, @member)
        """);
}
