using System.Text.Json;
using StackExchange.Redis;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// Looks straight into the catalog's read model in Redis. It spells out the documented key layout
/// (docs/catalog-read-model.md) on purpose, so the tests check what is really stored rather than what the API answers.
/// </summary>
public sealed class CatalogReadModelRedis : IAsyncDisposable
{
    public const string AllProductsIndexKey = "{catalog}:index:all";

    private readonly ConnectionMultiplexer _connection;

    private CatalogReadModelRedis(ConnectionMultiplexer connection) => _connection = connection;

    public IDatabase Database => _connection.GetDatabase();

    public IConnectionMultiplexer Connection => _connection;

    public static async Task<CatalogReadModelRedis> ConnectAsync(DistributedApplication app)
    {
        var connectionString = await app.GetConnectionStringAsync("redis") ?? throw new InvalidOperationException("Redis has no connection string.");
        var options = ConfigurationOptions.Parse(connectionString);
        options.AllowAdmin = true;
        return new CatalogReadModelRedis(await ConnectionMultiplexer.ConnectAsync(options));
    }

    public static string ProductKey(Guid id) => $"{{catalog}}:product:{id:N}";

    public static string CategoryIndexKey(string category) => $"{{catalog}}:index:category:{category}";

    public static string IndexMember(ProductDto product) => $"{product.Name}\0{product.Id:N}";

    public async Task<CatalogReadModelStoredProduct?> ProductAsync(Guid id)
    {
        var fields = (await Database.HashGetAllAsync(ProductKey(id))).ToDictionary(field => field.Name.ToString(), field => field.Value.ToString());
        if (fields.Count == 0)
        {
            return null;
        }

        var document = fields.TryGetValue("json", out var json) ? JsonSerializer.Deserialize<ProductDto>(json, JsonSerializerOptions.Web) : null;
        return new CatalogReadModelStoredProduct(long.Parse(fields["version"]), fields.ContainsKey("deleted"), document, await Database.KeyTimeToLiveAsync(ProductKey(id)));
    }

    public async Task<bool> IsIndexedAsync(string indexKey, ProductDto product) =>
        (await Database.SortedSetScoreAsync(indexKey, IndexMember(product))).HasValue;

    /// <summary>Empties Redis the way an operator's FLUSHALL (or a restart without persistence) does.</summary>
    public async Task FlushAllAsync()
    {
        foreach (var server in _connection.GetServers())
        {
            await server.FlushAllDatabasesAsync();
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
