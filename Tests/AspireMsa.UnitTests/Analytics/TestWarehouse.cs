using AspireMsa.Analytics.Api.Lake;
using AspireMsa.Analytics.Api.Marts;
using AspireMsa.Analytics.Api.Warehouse;
using DuckDB.NET.Data;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace AspireMsa.UnitTests.Analytics;

/// <summary>
/// A small warehouse of the star schema's shape in a temp folder, written by hand so each test knows its every row: two
/// orders of Kitchen lines and one of Books, from two customers.
/// </summary>
public sealed class TestWarehouse : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("analytics-marts-tests-").FullName;

    public TestWarehouse()
    {
        var lake = new LakeWriter(Options.Create(new LakeOptions { LakeRoot = _root }), new HostingEnvironment { ContentRootPath = _root });
        File = new WarehouseFile(Options.Create(new WarehouseOptions { CustomerKey = new string('k', 32) }), lake);
        Marts = new MartFiles(File);
    }

    public WarehouseFile File { get; }

    public MartFiles Marts { get; }

    /// <summary>Builds the warehouse; <paramref name="withBooks"/> false leaves the Books order and product out.</summary>
    public Task BuildAsync(bool withBooks = true) => File.ReplaceAsync(async (connection, ct) =>
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            CREATE TABLE fact_order_lines (order_id VARCHAR, line_number INTEGER, product_id VARCHAR, category VARCHAR, quantity INTEGER,
                unit_price DECIMAL(18,2), line_total DECIMAL(18,2), order_status VARCHAR, date_key INTEGER, customer_key VARCHAR, placed_at TIMESTAMPTZ);
            INSERT INTO fact_order_lines VALUES
                ('order-1', 1, 'pan', 'Kitchen', 2, 39.00, 78.00, 'confirmed', 20261205, 'customer-a', TIMESTAMPTZ '2026-12-05 10:00:00+00'),
                ('order-2', 1, 'knife', 'Kitchen', 1, 79.00, 79.00, 'placed', 20261206, 'customer-b', TIMESTAMPTZ '2026-12-06 10:00:00+00');
            {(withBooks ? "INSERT INTO fact_order_lines VALUES ('order-3', 1, 'ddia', 'Books', 1, 44.90, 44.90, 'confirmed', 20261206, 'customer-a', TIMESTAMPTZ '2026-12-06 11:00:00+00');" : "")}
            CREATE TABLE dim_product (product_id VARCHAR, name VARCHAR, category VARCHAR, current_price DECIMAL(18,2), price_changed_at TIMESTAMPTZ);
            INSERT INTO dim_product VALUES ('pan', 'Cast Iron Skillet', 'Kitchen', 39.00, NULL), ('knife', 'Chef''s Knife', 'Kitchen', 79.00, NULL);
            {(withBooks ? "INSERT INTO dim_product VALUES ('ddia', 'Designing Data-Intensive Applications', 'Books', 44.90, NULL);" : "")}
            CREATE TABLE dim_customer AS SELECT * FROM (VALUES ('customer-a', DATE '2026-12-05', 2), ('customer-b', DATE '2026-12-06', 1)) t(customer_key, first_order_date, orders);
            CREATE TABLE dim_date AS SELECT * FROM (VALUES (20261205, DATE '2026-12-05'), (20261206, DATE '2026-12-06')) t(date_key, date);
            CREATE TABLE sales_daily AS SELECT * FROM (VALUES (DATE '2026-12-05', 1, 2, 78.00), (DATE '2026-12-06', 2, 2, 123.90)) t(date, orders, units, revenue);
            CREATE TABLE warehouse_build AS SELECT uuid() AS run_id, now() AS built_at, 3 AS fact_rows;
            """;
        return await command.ExecuteNonQueryAsync(ct);
    }, CancellationToken.None);

    /// <summary>The rows of <paramref name="sql"/> against the mart at <paramref name="path"/>, each row's values joined by '|'.</summary>
    public static async Task<List<string>> QueryAsync(string path, string sql)
    {
        await using var connection = await DuckDbFile.OpenReadOnlyAsync(path, CancellationToken.None) ?? throw new FileNotFoundException(path);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
