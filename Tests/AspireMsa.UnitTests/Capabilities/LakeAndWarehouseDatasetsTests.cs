using AspireMsa.Analytics.Api.Capability;
using AspireMsa.Analytics.Api.Lake;
using AspireMsa.Analytics.Api.Warehouse;
using AspireMsa.ServiceDefaults.Capabilities;
using Microsoft.Extensions.Options;

namespace AspireMsa.UnitTests.Capabilities;

/// <summary>Analytics' datasets: each lake table fed by its event, each warehouse table by the lake tables it is built from.</summary>
public class LakeAndWarehouseDatasetsTests
{
    private static readonly LakeAndWarehouseDatasets Datasets = new(
        new StarSchema(new CustomerPseudonyms(Options.Create(new WarehouseOptions { CustomerKey = "a-test-secret-of-at-least-32-characters" }))),
        TimeProvider.System);

    [Fact]
    public async Task EveryLakeTable_IsPartitionedByDay_WithItsEventUpstream_AndTheColumnsItsWriterWrites()
    {
        var datasets = await Datasets.DescribeAsync("team-data", CancellationToken.None);

        foreach (var table in LakeTables.All)
        {
            var lake = Assert.Single(datasets, dataset => dataset.Name == $"analytics-lake.raw.{table.Name}");
            Assert.Equal("lake-table", lake.Kind);
            Assert.Equal(["dt"], lake.PartitionedBy);
            Assert.Equal([DatasetUrn.ForEvent(table.EventType)], lake.Upstream);
            Assert.Contains(lake.Columns, column => column.Name == "event_id");
            Assert.Contains(lake.Columns, column => column.Name == "dt");
        }

        var placed = Assert.Single(datasets, dataset => dataset.Name == "analytics-lake.raw.order_placed");
        Assert.Contains(placed.Columns, column => column.Name == "lines" && column.Type.StartsWith("list<struct<", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheWarehouseTables_AreTheStarSchemasOwn_BuiltFromTheLakeTablesItReads()
    {
        var datasets = await Datasets.DescribeAsync("team-data", CancellationToken.None);

        var warehouse = datasets.Where(dataset => dataset.Kind == "warehouse-table").ToList();
        Assert.Contains(warehouse, table => table.Name == $"analytics-warehouse.main.{StarSchema.Fact}");
        Assert.Contains(warehouse, table => table.Name == "analytics-warehouse.main.sales_daily"
            && table.Columns.Any(column => column.Name == "revenue" && column.Type == "DECIMAL(18,2)"));
        var lakeUrns = datasets.Where(dataset => dataset.Kind == "lake-table").Select(dataset => dataset.Urn).ToHashSet();
        Assert.All(warehouse, table => Assert.Subset(lakeUrns, table.Upstream.ToHashSet()));
        Assert.Contains(DatasetUrn.For(DatasetUrn.Lake, "analytics-lake.raw.order_placed"), warehouse[0].Upstream);
    }
}
