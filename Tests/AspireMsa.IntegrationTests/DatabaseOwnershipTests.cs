using Npgsql;

namespace AspireMsa.IntegrationTests;

/// <summary>1 service – 1 data source: each service's tables exist in its own database and nowhere else.</summary>
[Collection(SystemCollection.Name)]
public class DatabaseOwnershipTests(SystemFixture system)
{
    private static readonly Dictionary<string, string> TableOwnedBy = new()
    {
        ["products"] = "catalogdb",
        ["orders"] = "orderingdb",
        ["stock_items"] = "inventorydb",
        ["AspNetUsers"] = "identitydb",
        ["landed_events"] = "analyticsdb",
        ["legacy_order_links"] = "legacydb",
    };

    [Fact]
    public async Task EachServiceTable_ExistsOnlyInItsOwnDatabase()
    {
        foreach (var database in TableOwnedBy.Values)
        {
            await using var connection = await system.OpenDatabaseAsync(database);
            var tables = await TablesAsync(connection);

            foreach (var (table, owner) in TableOwnedBy)
            {
                Assert.True(tables.Contains(table) == (owner == database), $"Table '{table}' in '{database}': expected only in '{owner}'.");
            }
        }
    }

    [Fact]
    public async Task WritesThroughTheGateway_LandInTheOwningServicesDatabase()
    {
        var create = await (await system.GatewayAsAsync("admin")).PostAsJsonAsync("/api/catalog/products",
            new { name = "Owned product", description = "", price = 5m, category = "ownership" });
        var product = await create.Content.ReadFromJsonAsync<ProductDto>();
        var place = await (await system.GatewayAsAsync("alice")).PostAsJsonAsync("/api/orders", new { lines = new[] { new { productId = product!.Id, quantity = 1 } } });
        var orderId = (await place.Content.ReadFromJsonAsync<IdDto>())!.Id;

        await using var catalog = await system.OpenDatabaseAsync("catalogdb");
        await using var ordering = await system.OpenDatabaseAsync("orderingdb");
        Assert.Equal(1L, await CountAsync(catalog, """SELECT count(*) FROM products WHERE "Id" = @id""", product.Id));
        Assert.Equal(1L, await CountAsync(ordering, """SELECT count(*) FROM orders WHERE "Id" = @id""", orderId));
    }

    private static async Task<HashSet<string>> TablesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql, Guid id)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private sealed record IdDto(Guid Id);
}
