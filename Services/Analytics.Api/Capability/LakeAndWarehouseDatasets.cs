using AspireMsa.Analytics.Api.Lake;
using AspireMsa.Analytics.Api.Warehouse;
using AspireMsa.ServiceDefaults.Capabilities;
using DuckDB.NET.Data;
using Parquet;
using Parquet.Schema;

namespace AspireMsa.Analytics.Api.Capability;

/// <summary>
/// The lake's tables and the warehouse's, for the capability manifest, each read from the code that makes it rather than
/// listed by hand: a lake table's columns from an empty Parquet file its own writer produces, the warehouse's from a star
/// schema built in memory from an empty lake, whose lake views also give the warehouse tables' lineage.
/// </summary>
public sealed class LakeAndWarehouseDatasets(StarSchema starSchema, TimeProvider clock) : IDatasetSource
{
    public const string LakeName = "analytics-lake";
    public const string WarehouseName = "analytics-warehouse";

    /// <summary>The prefix of the temp views through which the star schema reads each lake table.</summary>
    private const string LakeViewPrefix = "lake_";

    public async Task<IReadOnlyList<Dataset>> DescribeAsync(string owner, CancellationToken cancellationToken)
    {
        var datasets = new List<Dataset>();
        foreach (var table in LakeTables.All)
        {
            datasets.Add(new Dataset(
                LakeUrn(table.Name),
                DatasetUrn.Lake,
                LakeDatasetName(table.Name),
                "lake-table",
                owner,
                [.. await LakeColumnsAsync(table, cancellationToken), new DatasetColumn("dt", "DATE", false)],
                [DatasetUrn.ForEvent(table.EventType)],
                ["dt"]));
        }

        datasets.AddRange(await WarehouseTablesAsync(owner, cancellationToken));
        return datasets;
    }

    public static string LakeDatasetName(string table) => $"{LakeName}.{LakePartition.RawZone}.{table}";

    private static string LakeUrn(string table) => DatasetUrn.For(DatasetUrn.Lake, LakeDatasetName(table));

    private static async Task<IReadOnlyList<DatasetColumn>> LakeColumnsAsync(LakeTable table, CancellationToken cancellationToken)
    {
        using var file = new MemoryStream();
        await table.WriteAsync([], file, cancellationToken);
        file.Position = 0;
        await using var reader = await ParquetReader.CreateAsync(file, cancellationToken: cancellationToken);
        return [.. reader.Schema.Fields.Select(field => new DatasetColumn(field.Name, TypeOf(field), field is not DataField { IsNullable: false }))];
    }

    private static string TypeOf(Field field) => field switch
    {
        DataField data => data.ClrType.Name,
        ListField list => $"list<{TypeOf(list.Item)}>",
        StructField structure => $"struct<{string.Join(", ", structure.Fields.Select(inner => $"{inner.Name}: {TypeOf(inner)}"))}>",
        _ => field.SchemaType.ToString(),
    };

    private async Task<IReadOnlyList<Dataset>> WarehouseTablesAsync(string owner, CancellationToken cancellationToken)
    {
        await using var connection = new DuckDBConnection("DataSource=:memory:");
        await connection.OpenAsync(cancellationToken);
        // A lake folder that does not exist reads as empty tables of the right columns.
        var emptyLake = Path.Combine(Path.GetTempPath(), $"aspiremsa-no-lake-{Guid.NewGuid():N}");
        await starSchema.BuildAsync(connection, emptyLake, [], Guid.Empty, clock.GetUtcNow(), cancellationToken);

        var lakeSources = new List<string>();
        await using (var views = connection.CreateCommand())
        {
            views.CommandText = $"SELECT view_name FROM duckdb_views() WHERE temporary AND starts_with(view_name, '{LakeViewPrefix}') ORDER BY view_name";
            await using var reader = await views.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                lakeSources.Add(LakeUrn(reader.GetString(0)[LakeViewPrefix.Length..]));
            }
        }

        var columns = new List<(string Table, DatasetColumn Column)>();
        await using (var query = connection.CreateCommand())
        {
            query.CommandText = """
                SELECT table_name, column_name, data_type, is_nullable = 'YES'
                FROM information_schema.columns
                WHERE table_catalog = current_database() AND table_schema = 'main'
                ORDER BY table_name, ordinal_position
                """;
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                columns.Add((reader.GetString(0), new DatasetColumn(reader.GetString(1), reader.GetString(2), reader.GetBoolean(3))));
            }
        }

        return [.. columns.GroupBy(column => column.Table, StringComparer.Ordinal).Select(table => new Dataset(
            DatasetUrn.For(DatasetUrn.DuckDb, $"{WarehouseName}.main.{table.Key}"),
            DatasetUrn.DuckDb,
            $"{WarehouseName}.main.{table.Key}",
            "warehouse-table",
            owner,
            [.. table.Select(column => column.Column)],
            lakeSources,
            []))];
    }
}
