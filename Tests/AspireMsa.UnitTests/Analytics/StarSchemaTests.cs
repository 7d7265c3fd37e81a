using System.Text.Json;
using AspireMsa.Analytics.Api.Lake;
using AspireMsa.Analytics.Api.Warehouse;
using AspireMsa.Contracts;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace AspireMsa.UnitTests.Analytics;

/// <summary>
/// The warehouse built from a lake written by the real <see cref="LakeWriter"/> and the catalog's product list: lines
/// priced as of when they were placed, statuses as of the build, buyers only by their keyed hash, and the same totals
/// however often it is rebuilt.
/// </summary>
public sealed class StarSchemaTests : IDisposable
{
    private const string CustomerKey = "a-test-secret-of-at-least-32-characters";
    private static readonly DateOnly FirstDay = new(2026, 12, 5);
    private static readonly DateOnly SecondDay = new(2026, 12, 6);
    private static readonly Guid PricedProduct = Guid.NewGuid();
    private static readonly Guid UnpricedProduct = Guid.NewGuid();
    private static readonly Guid ConfirmedOrder = Guid.NewGuid();
    private static readonly Guid CancelledOrder = Guid.NewGuid();
    private static readonly Guid OpenOrder = Guid.NewGuid();

    /// <summary>The catalog lists the priced product; the other one it no longer lists.</summary>
    private static readonly CatalogProduct[] Catalog = [new(PricedProduct, "Desk lamp", "Lighting", 12.50m)];

    private readonly string _root = Directory.CreateTempSubdirectory("star-schema-tests-").FullName;
    private readonly LakeWriter _lake;
    private readonly WarehouseFile _warehouse;
    private readonly CustomerPseudonyms _pseudonyms;

    public StarSchemaTests()
    {
        _lake = new LakeWriter(Options.Create(new LakeOptions { LakeRoot = _root }), new HostingEnvironment { ContentRootPath = _root });
        var options = Options.Create(new WarehouseOptions { CustomerKey = CustomerKey });
        _warehouse = new WarehouseFile(options, _lake);
        _pseudonyms = new CustomerPseudonyms(options);
    }

    [Fact]
    public async Task EachLine_IsPricedAsOfWhenItWasPlaced_WithItsOrdersStatusAtLoad()
    {
        await WriteLakeAsync();

        var rows = await BuildAsync();

        Assert.Equal(4, rows);
        var lines = await QueryAsync(
            "SELECT order_id, line_number, category, quantity, CAST(unit_price AS VARCHAR), CAST(line_total AS VARCHAR), order_status, date_key FROM fact_order_lines");
        Assert.Equal(
            new[]
            {
                // Placed after the price went from 10.00 to 12.50; the second product's price and category are not known.
                $"{ConfirmedOrder}|1|Lighting|2|12.50|25.00|confirmed|20261205",
                $"{ConfirmedOrder}|2||1|||confirmed|20261205",
                // Placed before the change: the price that the change replaced.
                $"{CancelledOrder}|1|Lighting|1|10.00|10.00|cancelled|20261205",
                $"{OpenOrder}|1|Lighting|3|12.50|37.50|placed|20261206",
            }.Order(StringComparer.Ordinal),
            lines.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SalesDaily_CountsOrdersAndCancellations_AndUnitsAndRevenueOfTheOrdersNotCancelled()
    {
        await WriteLakeAsync();

        await BuildAsync();

        Assert.Equal(
            ["2026-12-05|2|1|1|3|25.00|1", "2026-12-06|1|0|0|3|37.50|0"],
            await QueryAsync("SELECT CAST(date AS VARCHAR), orders, confirmed_orders, cancelled_orders, units, CAST(revenue AS VARCHAR), unpriced_lines FROM sales_daily ORDER BY date"));
        Assert.Equal(
            ["20261205|2026-12-05|Saturday", "20261206|2026-12-06|Sunday"],
            await QueryAsync("SELECT date_key, CAST(date AS VARCHAR), day_name FROM dim_date ORDER BY date_key"));
        // Names and categories are the catalog's; a product the catalog no longer lists has none, and no price the lake knows.
        Assert.Equal(
            new[] { $"{PricedProduct}|Desk lamp|Lighting|12.50", $"{UnpricedProduct}|||" }.Order(StringComparer.Ordinal),
            (await QueryAsync("SELECT product_id, name, category, CAST(current_price AS VARCHAR) FROM dim_product")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Buyers_AreKeyedByTheirKeyedHash_AndTheirIdsAppearNowhereInTheWarehouse()
    {
        await WriteLakeAsync();

        await BuildAsync();

        Assert.Equal(
            new[] { $"{_pseudonyms.KeyOf("alice")}|2026-12-05|2", $"{_pseudonyms.KeyOf("bob")}|2026-12-05|1" }.Order(StringComparer.Ordinal),
            (await QueryAsync("SELECT customer_key, CAST(first_order_date AS VARCHAR), orders FROM dim_customer")).Order(StringComparer.Ordinal));
        var textColumns = await QueryAsync("SELECT table_name || '.' || column_name FROM information_schema.columns WHERE data_type = 'VARCHAR'");
        Assert.NotEmpty(textColumns);
        foreach (var column in textColumns)
        {
            var (table, name) = (column.Split('.')[0], column.Split('.')[1]);
            Assert.Equal(["0"], await QueryAsync($"SELECT count(*) FROM {table} WHERE {name} IN ('alice', 'bob')"));
        }
    }

    [Fact]
    public async Task RebuildingAfterADayIsReplaced_GivesTheSameTotals_WithoutDuplicateRows()
    {
        await WriteLakeAsync();
        await BuildAsync();
        var before = await QueryAsync("SELECT * FROM sales_daily ORDER BY date");

        // The day is extracted again (a re-run): its partitions are replaced, then the warehouse is rebuilt.
        await WriteLakeAsync();
        var rows = await BuildAsync();

        Assert.Equal(4, rows);
        Assert.Equal(before, await QueryAsync("SELECT * FROM sales_daily ORDER BY date"));
        Assert.Equal(["0"], await QueryAsync("SELECT count(*) - count(DISTINCT (order_id, line_number)) FROM fact_order_lines"));
    }

    [Fact]
    public async Task AnEmptyLake_BuildsAnEmptyWarehouse()
    {
        var rows = await BuildAsync();

        Assert.Equal(0, rows);
        Assert.Equal(["0"], await QueryAsync("SELECT count(*) FROM sales_daily"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task<long> BuildAsync() =>
        await _warehouse.ReplaceAsync(
            (connection, ct) => new StarSchema(_pseudonyms).BuildAsync(connection, _lake.Root, Catalog, Guid.CreateVersion7(), DateTimeOffset.UtcNow, ct),
            CancellationToken.None);

    /// <summary>Each row as its values joined by '|', NULL as nothing.</summary>
    private async Task<List<string>> QueryAsync(string sql)
    {
        await using var connection = (await _warehouse.OpenReadOnlyAsync(CancellationToken.None))!;
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? string.Empty : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    /// <summary>
    /// Two days: the price of one product changes from 10.00 to 12.50 at 08:00 on the first; bob orders it at 07:00 and
    /// cancels, alice orders it and an unpriced product at 09:00 and is confirmed, then orders it again the next day.
    /// </summary>
    private async Task WriteLakeAsync()
    {
        var runId = Guid.CreateVersion7();
        await WriteAsync(FirstDay, runId,
            new OrderPlaced(CancelledOrder, "bob", [new OrderPlacedLine(PricedProduct, 1)]) { OccurredAt = At(FirstDay, 7) },
            new OrderPlaced(ConfirmedOrder, "alice", [new OrderPlacedLine(PricedProduct, 2), new OrderPlacedLine(UnpricedProduct, 1)]) { OccurredAt = At(FirstDay, 9) });
        await WriteAsync(FirstDay, runId, new ProductPriceChanged(PricedProduct, 10.00m, 12.50m, 2) { OccurredAt = At(FirstDay, 8) });
        await WriteAsync(FirstDay, runId,
            new OrderStatusChanged(ConfirmedOrder, "alice", "Confirmed", "Stock reserved") { OccurredAt = At(FirstDay, 9).AddSeconds(1) },
            new OrderStatusChanged(CancelledOrder, "bob", "Cancelled", "Cancelled by the buyer") { OccurredAt = At(FirstDay, 10) });
        await WriteAsync(FirstDay, runId, new OrderCancelled(CancelledOrder, "Cancelled by the buyer") { OccurredAt = At(FirstDay, 10) });
        await WriteAsync(SecondDay, runId, new OrderPlaced(OpenOrder, "alice", [new OrderPlacedLine(PricedProduct, 3)]) { OccurredAt = At(SecondDay, 12) });
    }

    private async Task WriteAsync<TEvent>(DateOnly day, Guid runId, params TEvent[] events) where TEvent : IntegrationEvent =>
        await _lake.ReplacePartitionAsync(
            LakeTables.All.Single(table => table.EventType == typeof(TEvent).Name), day, runId,
            [.. events.Select(e => new LakeEvent(e.Id, e.OccurredAt, e.OccurredAt.AddSeconds(1), JsonSerializer.Serialize(e, JsonSerializerOptions.Web)))],
            CancellationToken.None);

    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);
}
