using Npgsql;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// CQRS write-through on the running system, through the gateway: writes reach PostgreSQL and Redis in the same request,
/// reads come from Redis and say so, concurrent writers leave Redis at PostgreSQL's last version, deletes leave tombstones.
/// </summary>
[Collection(SystemCollection.Name)]
public class CatalogReadModelTests(SystemFixture system)
{
    private const string ReadSourceHeader = "X-Read-Source";

    [Fact]
    public async Task AWrite_IsInRedisWhenTheRequestReturns_DocumentAndIndexes()
    {
        var admin = await system.GatewayAsAsync("admin");
        var (before, after) = (NewCategory(), NewCategory());
        var created = await CreateAsync("Write-through boot", before);
        await using var redis = await CatalogReadModelRedis.ConnectAsync(system.App);

        var stored = await redis.ProductAsync(created.Id);
        Assert.Equal(new CatalogReadModelStoredProduct(1, false, created, null), stored);
        Assert.True(await redis.IsIndexedAsync(CatalogReadModelRedis.CategoryIndexKey(before), created));
        Assert.True(await redis.IsIndexedAsync(CatalogReadModelRedis.AllProductsIndexKey, created));

        var update = await admin.PutAsJsonAsync($"/api/catalog/products/{created.Id}",
            new { name = "Write-through boot", description = "Waxed", price = 99m, category = after, version = created.Version });
        var updated = await update.Content.ReadFromJsonAsync<ProductDto>();

        Assert.Equal(new CatalogReadModelStoredProduct(2, false, updated, null), await redis.ProductAsync(created.Id));
        Assert.False(await redis.IsIndexedAsync(CatalogReadModelRedis.CategoryIndexKey(before), created));
        Assert.True(await redis.IsIndexedAsync(CatalogReadModelRedis.CategoryIndexKey(after), updated!));
    }

    [Fact]
    public async Task AWrittenProduct_IsReadFromRedis_AndTheResponseSaysSo()
    {
        var created = await CreateAsync("Warm scarf", NewCategory());

        var read = await system.Gateway.GetAsync($"/api/catalog/products/{created.Id}");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("redis", ReadSource(read));
        Assert.Equal(created, await read.Content.ReadFromJsonAsync<ProductDto>());
    }

    [Fact]
    public async Task ListingACategory_BuildsItsIndexFromPostgreSqlOnce_ThenPagesFromRedisInNameOrder()
    {
        var category = NewCategory();
        foreach (var name in new[] { "Item 10", "Item 2", "Item 1" })
        {
            await CreateAsync(name, category);
        }

        var first = await system.Gateway.GetAsync($"/api/catalog/products?category={category}&page=1&pageSize=2");
        var second = await system.Gateway.GetAsync($"/api/catalog/products?category={category}&page=2&pageSize=2");

        Assert.Equal("database", ReadSource(first));
        Assert.Equal("redis", ReadSource(second));
        var firstPage = await first.Content.ReadFromJsonAsync<PageDto>();
        var secondPage = await second.Content.ReadFromJsonAsync<PageDto>();
        Assert.Equal((3L, 1, 2), (firstPage!.TotalCount, firstPage.Page, firstPage.PageSize));
        Assert.Equal(["Item 1", "Item 10", "Item 2"], firstPage.Items.Concat(secondPage!.Items).Select(item => item.Name));
    }

    [Fact]
    public async Task TwentyConcurrentUpdates_LeaveRedisAtTheVersionPostgreSqlEndedWith()
    {
        var admin = await system.GatewayAsAsync("admin");
        var category = NewCategory();
        var created = await CreateAsync("Contested lamp", category);

        var updates = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => admin.PutAsJsonAsync(
            $"/api/catalog/products/{created.Id}", new { name = $"Contested lamp {i:D2}", description = "", price = 10m + i, category })));

        Assert.All(updates, update => Assert.True(update.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, update.StatusCode.ToString()));
        Assert.Contains(updates, update => update.StatusCode == HttpStatusCode.OK);
        var (version, name) = await DatabaseStateAsync(created.Id);
        await using var redis = await CatalogReadModelRedis.ConnectAsync(system.App);
        var stored = await redis.ProductAsync(created.Id);
        Assert.Equal(version, stored!.Version);
        Assert.Equal((version, name), (stored.Document!.Version, stored.Document.Name));
        var indexed = await redis.Database.SortedSetRangeByRankAsync(CatalogReadModelRedis.CategoryIndexKey(category));
        Assert.Equal(CatalogReadModelRedis.IndexMember(stored.Document), Assert.Single(indexed, member => !member.IsNullOrEmpty).ToString());
    }

    [Fact]
    public async Task ADeletedProduct_LeavesAVersionedTombstoneThatExpires_AndReadsSayNotFoundFromRedis()
    {
        var admin = await system.GatewayAsAsync("admin");
        var created = await CreateAsync("Old hat", NewCategory());
        await admin.PutAsJsonAsync($"/api/catalog/products/{created.Id}",
            new { name = "Old hat", description = "Worn", price = 5m, category = created.Category, version = 1 });

        var delete = await admin.DeleteAsync($"/api/catalog/products/{created.Id}");

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        await using var redis = await CatalogReadModelRedis.ConnectAsync(system.App);
        var tombstone = await redis.ProductAsync(created.Id);
        Assert.Equal((3L, true, (ProductDto?)null), (tombstone!.Version, tombstone.Deleted, tombstone.Document));
        Assert.InRange(tombstone.TimeToLive!.Value, TimeSpan.FromHours(23), TimeSpan.FromHours(24));
        Assert.False(await redis.IsIndexedAsync(CatalogReadModelRedis.AllProductsIndexKey, created));
        var read = await system.Gateway.GetAsync($"/api/catalog/products/{created.Id}");
        await Problems.AssertAsync(read, HttpStatusCode.NotFound);
        Assert.Equal("redis", ReadSource(read));
    }

    [Fact]
    public async Task AnUnknownProduct_IsLookedUpInPostgreSqlOnce_ThenRememberedAsMissing()
    {
        var id = Guid.CreateVersion7();

        var first = await system.Gateway.GetAsync($"/api/catalog/products/{id}");
        var second = await system.Gateway.GetAsync($"/api/catalog/products/{id}");

        await Problems.AssertAsync(first, HttpStatusCode.NotFound);
        await Problems.AssertAsync(second, HttpStatusCode.NotFound);
        Assert.Equal(("database", "redis"), (ReadSource(first), ReadSource(second)));
    }

    [Fact]
    public async Task TheDashboardRebuildCommand_RestoresALostDocument_AndRemovesStrayIndexEntries()
    {
        var category = NewCategory();
        var created = await CreateAsync("Rebuilt kettle", category);
        var stray = new ProductDto(Guid.CreateVersion7(), "Ghost", "", 1m, category, 1);
        await using var redis = await CatalogReadModelRedis.ConnectAsync(system.App);
        await redis.Database.KeyDeleteAsync(CatalogReadModelRedis.ProductKey(created.Id));
        await redis.Database.SortedSetAddAsync(CatalogReadModelRedis.CategoryIndexKey(category), CatalogReadModelRedis.IndexMember(stray), 0);

        var result = await system.App.ResourceCommands.ExecuteCommandAsync("catalog-v1", "rebuild-read-model");

        Assert.True(result.Success, result.Message);
        Assert.Equal(created, (await redis.ProductAsync(created.Id))!.Document);
        Assert.True(await redis.IsIndexedAsync(CatalogReadModelRedis.CategoryIndexKey(category), created));
        Assert.False(await redis.IsIndexedAsync(CatalogReadModelRedis.CategoryIndexKey(category), stray));
        var list = await system.Gateway.GetAsync($"/api/catalog/products?category={category}");
        Assert.Equal("redis", ReadSource(list));
        Assert.Equal([created], (await list.Content.ReadFromJsonAsync<PageDto>())!.Items);
    }

    [Fact]
    public async Task TheAdminApi_RebuildsFromPostgreSql_AndReportsTheReadModelCounters()
    {
        var admin = await system.GatewayAsAsync("admin");
        var created = await CreateAsync("Counted cup", NewCategory());
        var before = await admin.GetFromJsonAsync<CatalogReadModelStats>("/api/catalog/admin/read-model/stats");
        await system.Gateway.GetAsync($"/api/catalog/products/{created.Id}");

        var rebuild = await admin.PostAsync("/api/catalog/admin/read-model/rebuild", content: null);
        var after = await admin.GetFromJsonAsync<CatalogReadModelStats>("/api/catalog/admin/read-model/stats");

        Assert.Equal(HttpStatusCode.OK, rebuild.StatusCode);
        var counts = await rebuild.Content.ReadFromJsonAsync<RebuildDto>();
        Assert.True(counts!.Products >= 1 && counts.Indexes >= 2, counts.ToString());
        Assert.Equal(before!.Hits + 1, after!.Hits);
        Assert.Equal(before.DbLoads, after.DbLoads);
    }

    [Fact]
    public async Task TheAdminApi_IsClosedToAnonymousCallersAtTheGateway()
    {
        var response = await system.Gateway.PostAsync("/api/catalog/admin/read-model/rebuild", content: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string NewCategory() => $"rm-{Guid.NewGuid():N}";

    private static string? ReadSource(HttpResponseMessage response) =>
        response.Headers.TryGetValues(ReadSourceHeader, out var values) ? string.Join(",", values) : null;

    private async Task<ProductDto> CreateAsync(string name, string category)
    {
        var admin = await system.GatewayAsAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/catalog/products", new { name, description = "", price = 10m, category });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ProductDto>())!;
    }

    private async Task<(long Version, string Name)> DatabaseStateAsync(Guid id)
    {
        await using var connection = await system.OpenDatabaseAsync("catalogdb");
        await using var command = new NpgsqlCommand("""SELECT "Version", "Name" FROM products WHERE "Id" = @id""", connection);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetInt64(0), reader.GetString(1));
    }

    private sealed record RebuildDto(long Products, int Indexes, long RemovedIndexEntries);
}
