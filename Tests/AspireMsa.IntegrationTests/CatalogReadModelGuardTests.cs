using AspireMsa.Catalog.Api.Apis;
using AspireMsa.Catalog.Api.ReadModel;
using Microsoft.Extensions.Options;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// The version guard itself, against the real Redis: the catalog's store applies writes in the orders that races and
/// late repopulations produce, and Redis must end at the newest version every time.
/// </summary>
[Collection(SystemCollection.Name)]
public class CatalogReadModelGuardTests(SystemFixture system)
{
    [Fact]
    public async Task AnOlderVersionArrivingLate_DoesNotReplaceTheNewerOne()
    {
        await using var redis = await CatalogReadModelRedis.ConnectAsync(system.App);
        var store = Store(redis);
        var newer = Product(version: 3, category: NewCategory());
        var older = newer with { Name = "Stale name", Category = NewCategory(), Version = 2 };

        Assert.True(await store.ApplyAsync(newer, default));
        Assert.False(await store.ApplyAsync(older, default));

        Assert.Equal(newer, (await store.GetProductAsync(newer.Id, default)).Product);
        Assert.False(await redis.IsIndexedAsync(CatalogReadModelRedis.CategoryIndexKey(older.Category), Dto(older)));
        Assert.True(await redis.IsIndexedAsync(CatalogReadModelRedis.CategoryIndexKey(newer.Category), Dto(newer)));
    }

    [Fact]
    public async Task ATombstone_RefusesALateRepopulationOfTheDeletedProduct()
    {
        await using var redis = await CatalogReadModelRedis.ConnectAsync(system.App);
        var store = Store(redis);
        var product = Product(version: 2, category: NewCategory());
        await store.ApplyAsync(product, default);

        Assert.True(await store.ApplyTombstoneAsync(product.Id, version: 3, default));
        Assert.False(await store.ApplyAsync(product, default));

        Assert.Equal(ProductLookup.Absent, await store.GetProductAsync(product.Id, default));
        Assert.False(await redis.IsIndexedAsync(CatalogReadModelRedis.CategoryIndexKey(product.Category), Dto(product)));
        Assert.False(await redis.IsIndexedAsync(CatalogReadModelRedis.AllProductsIndexKey, Dto(product)));
    }

    [Fact]
    public async Task AProductThatChangedCategory_LeavesTheOldCategorysIndex()
    {
        await using var redis = await CatalogReadModelRedis.ConnectAsync(system.App);
        var store = Store(redis);
        var before = Product(version: 1, category: NewCategory());
        var after = before with { Category = NewCategory(), Version = 2 };

        await store.ApplyAsync(before, default);
        await store.ApplyAsync(after, default);

        Assert.False(await redis.IsIndexedAsync(CatalogReadModelRedis.CategoryIndexKey(before.Category), Dto(before)));
        Assert.True(await redis.IsIndexedAsync(CatalogReadModelRedis.CategoryIndexKey(after.Category), Dto(after)));
    }

    [Fact]
    public async Task TheSameVersionAppliedTwice_ChangesNothing_AndRepairsALostIndexEntry()
    {
        await using var redis = await CatalogReadModelRedis.ConnectAsync(system.App);
        var store = Store(redis);
        var product = Product(version: 4, category: NewCategory());
        await store.ApplyAsync(product, default);
        await redis.Database.SortedSetRemoveAsync(CatalogReadModelRedis.CategoryIndexKey(product.Category), CatalogReadModelRedis.IndexMember(Dto(product)));

        Assert.True(await store.ApplyAsync(product, default));

        Assert.Equal(product, (await store.GetProductAsync(product.Id, default)).Product);
        Assert.True(await redis.IsIndexedAsync(CatalogReadModelRedis.CategoryIndexKey(product.Category), Dto(product)));
    }

    [Fact]
    public async Task ANotFoundMarker_GivesWayToTheFirstRealVersion()
    {
        await using var redis = await CatalogReadModelRedis.ConnectAsync(system.App);
        var store = Store(redis);
        var product = Product(version: 1, category: NewCategory());

        await store.ApplyNotFoundAsync(product.Id, default);
        Assert.Equal(ProductLookup.Absent, await store.GetProductAsync(product.Id, default));
        Assert.True(await store.ApplyAsync(product, default));

        Assert.Equal(product, (await store.GetProductAsync(product.Id, default)).Product);
    }

    private static RedisReadModelStore Store(CatalogReadModelRedis redis) => new(redis.Connection, Options.Create(new ReadModelOptions()));

    private static ProductResponse Product(long version, string category) =>
        new(Guid.CreateVersion7(), "SKU-GUARDED", "Guarded vase", "", 12.5m, category, version);

    private static ProductDto Dto(ProductResponse product) =>
        new(product.Id, product.Name, product.Description, product.Price, product.Category, product.Version, product.Sku);

    private static string NewCategory() => $"guard-{Guid.NewGuid():N}";
}
