using System.Net.Http.Json;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// A product's whole life leaves the catalog as events through its outbox, in the product's own sequence, and analytics
/// lands each one once: created, updated (with a price change, which adds <c>ProductPriceChanged</c>) and deleted.
/// </summary>
[Collection(SystemCollection.Name)]
public class ProductLifecycleEventsTests(SystemFixture system)
{
    private static readonly TimeSpan LandingDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task CreatingUpdatingAndDeletingAProduct_PublishesItsLifeInOrder_AndAnalyticsLandsEachEventOnce()
    {
        var admin = await system.GatewayAsAsync("admin");
        var product = await CatalogWrites.CreateProductAsync(admin,
            new { name = "Lifecycle lamp", description = "Warm", price = 20.00m, category = "lifecycle" });
        var renamed = await admin.PutAsJsonAsync($"/api/catalog/products/{product.Id}",
            new { name = "Lifecycle lamp II", product.Description, price = 24.00m, product.Category, product.Version });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/catalog/products/{product.Id}")).StatusCode);

        var published = await PublishedAsync(product.Id);
        // One transaction per change: the update's price change and the update itself share it.
        Assert.Equal(["ProductCreated", "ProductPriceChanged", "ProductUpdated", "ProductDeleted"], published.Select(e => e.Type));
        Assert.Equal([1L, 2L, 3L, 4L], published.Select(e => e.Sequence));
        Assert.Equal(["1", "2", "2", "3"], published.Select(e => e.Version));
        Assert.Equal("Lifecycle lamp II", published[2].Name);

        foreach (var (id, type, _, _, _) in published)
        {
            Assert.True(await Polling.UntilAsync(async () => await LandedAsync(id) == 1, LandingDeadline),
                $"{type} {id} was not landed by analytics within {LandingDeadline}.");
        }
    }

    private async Task<List<(Guid Id, string Type, long Sequence, string Version, string? Name)>> PublishedAsync(Guid productId)
    {
        await using var db = await system.OpenDatabaseAsync("catalogdb");
        await using var command = db.CreateCommand();
        command.CommandText = """
            SELECT id, type, sequence, payload::jsonb->>'version', payload::jsonb->>'name'
            FROM outbox_messages WHERE aggregate_id = @id ORDER BY sequence
            """;
        command.Parameters.AddWithValue("id", productId);
        var events = new List<(Guid, string, long, string, string?)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            events.Add((reader.GetGuid(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return events;
    }

    private async Task<long> LandedAsync(Guid eventId)
    {
        await using var db = await system.OpenDatabaseAsync("analyticsdb");
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT count(*) FROM landed_events WHERE event_id = @id";
        command.Parameters.AddWithValue("id", eventId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
