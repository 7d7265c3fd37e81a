using System.Globalization;
using AspireMsa.Analytics.Api.Grants;
using AspireMsa.Analytics.Api.Warehouse;
using DuckDB.NET.Data;

namespace AspireMsa.Analytics.Api.Marts;

/// <summary>
/// Compiles the grant table against the current warehouse and builds one DuckDB mart per grant, and per value of its
/// claim for a grant filtered by one (a mart per category): only the granted tables, columns and rows are copied in, so a
/// query against a mart cannot reach anything else. Each mart is swapped in whole (<see cref="DuckDbFile"/>).
/// </summary>
public sealed class MartBuilder(WarehouseFile warehouse, MartFiles marts)
{
    /// <summary>Each mart says which run built it, for which role and which value of the role's claim.</summary>
    public const string BuildTable = "mart_build";

    /// <summary>Returns the rows written into all marts.</summary>
    public async Task<long> BuildAllAsync(IReadOnlyList<DatasetGrant> grants, Guid runId, DateTimeOffset builtAt, CancellationToken cancellationToken)
    {
        var built = new HashSet<string>(StringComparer.Ordinal);
        long rows = 0;
        // Held open while the marts are built: compiled against the warehouse each mart then copies from.
        await using var source = await warehouse.OpenReadOnlyAsync(cancellationToken)
            ?? throw new InvalidOperationException($"There is no warehouse at {warehouse.Current} to build the marts from.");
        foreach (var plan in GrantCompiler.Compile(grants, await ColumnsAsync(source, cancellationToken)))
        {
            IReadOnlyList<string?> values = plan.RowFilterClaim is null ? [null] : await FilterValuesAsync(source, plan, cancellationToken);
            foreach (var value in values)
            {
                var path = marts.PathOf(plan.Role, plan.RowFilterClaim, value);
                rows += await DuckDbFile.ReplaceAsync(path, (mart, ct) => BuildAsync(mart, plan, value, runId, builtAt, ct), cancellationToken);
                built.Add(path);
            }
        }

        marts.DeleteAllBut(built);
        return rows;
    }

    private async Task<long> BuildAsync(DuckDBConnection mart, MartPlan plan, string? value, Guid runId, DateTimeOffset builtAt, CancellationToken cancellationToken)
    {
        await ExecuteAsync(mart, $"ATTACH {DuckDbSql.Literal(warehouse.Current)} AS warehouse (READ_ONLY)", cancellationToken);
        long rows = 0;
        foreach (var table in plan.Tables)
        {
            await using var create = mart.CreateCommand();
            var columns = string.Join(", ", table.Columns.Select(DuckDbSql.Identifier));
            create.CommandText = $"CREATE TABLE {DuckDbSql.Identifier(table.Name)} AS SELECT {columns} FROM warehouse.main.{DuckDbSql.Identifier(table.Source)}";
            if (table.FilterColumn is not null)
            {
                create.CommandText += $" WHERE CAST({DuckDbSql.Identifier(table.FilterColumn)} AS VARCHAR) = $value";
                create.Parameters.Add(new DuckDBParameter("value", value));
            }

            await create.ExecuteNonQueryAsync(cancellationToken);
            await using var count = mart.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM {DuckDbSql.Identifier(table.Name)}";
            rows += Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        await ExecuteAsync(mart, "DETACH warehouse", cancellationToken);
        await using var record = mart.CreateCommand();
        record.CommandText = $"""
            CREATE TABLE {BuildTable} AS
            SELECT CAST($run_id AS UUID) AS run_id, CAST($built_at AS TIMESTAMPTZ) AS built_at, $role AS role, $claim AS claim, $value AS claim_value
            """;
        record.Parameters.Add(new DuckDBParameter("run_id", runId.ToString()));
        record.Parameters.Add(new DuckDBParameter("built_at", builtAt.ToString("O", CultureInfo.InvariantCulture)));
        record.Parameters.Add(new DuckDBParameter("role", plan.Role));
        record.Parameters.Add(new DuckDBParameter("claim", plan.RowFilterClaim));
        record.Parameters.Add(new DuckDBParameter("value", value));
        await record.ExecuteNonQueryAsync(cancellationToken);
        return rows;
    }

    private static async Task<Dictionary<string, IReadOnlyList<string>>> ColumnsAsync(DuckDBConnection source, CancellationToken cancellationToken)
    {
        var columns = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await using var command = source.CreateCommand();
        command.CommandText = "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var table = reader.GetString(0);
            if (!columns.TryGetValue(table, out var list))
            {
                columns[table] = list = [];
            }

            list.Add(reader.GetString(1));
        }

        return columns.ToDictionary(c => c.Key, IReadOnlyList<string> (c) => c.Value, StringComparer.Ordinal);
    }

    /// <summary>Every value the plan's filtered tables hold in their filter columns: one mart each.</summary>
    private static async Task<List<string?>> FilterValuesAsync(DuckDBConnection source, MartPlan plan, CancellationToken cancellationToken)
    {
        await using var command = source.CreateCommand();
        command.CommandText = string.Join(" UNION ", plan.FilteredTables.Select(t =>
            $"SELECT DISTINCT CAST({DuckDbSql.Identifier(t.FilterColumn!)} AS VARCHAR) FROM {DuckDbSql.Identifier(t.Source)} WHERE {DuckDbSql.Identifier(t.FilterColumn!)} IS NOT NULL"));
        var values = new List<string?>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static async Task ExecuteAsync(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
