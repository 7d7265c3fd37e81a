using System.Text.Json;
using AspireMsa.Analytics.Api.Warehouse;

namespace AspireMsa.Analytics.Api.Query;

/// <summary>
/// The sandbox's first layer: reads DuckDB's own parse of the SQL (<c>json_serialize_sql</c>, which serializes SELECT
/// statements only) and refuses, with the reason, anything but one SELECT over the mart's tables. The second layer is the
/// engine itself: external access off and the configuration locked (<see cref="QuerySandbox"/>), so a file function that
/// slipped past these names is still denied.
/// </summary>
public static class SqlGuard
{
    /// <summary>Table functions and functions that read files, the network, the environment or run other SQL.</summary>
    private static readonly HashSet<string> DeniedFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "glob", "getenv", "query", "query_table", "sniff_csv", "load_extension", "duckdb_extensions", "duckdb_secrets", "which_secret",
    };

    private static readonly string[] DeniedPrefixes = ["read_", "parquet_", "iceberg_", "delta_", "http"];
    private static readonly string[] DeniedSuffixes = ["_scan", "_attach"];

    /// <summary>Schemas a query may name: the mart's own, and the catalog views that describe it.</summary>
    private static readonly HashSet<string> AllowedSchemas = new(StringComparer.OrdinalIgnoreCase) { "", "main", "information_schema", "pg_catalog" };

    /// <summary>The statement that asks DuckDB to parse <paramref name="sql"/> (it takes the text only as a constant).</summary>
    public static string ParseCommand(string sql) => $"SELECT json_serialize_sql({DuckDbSql.Literal(sql)})";

    /// <summary>Why the parsed SQL is refused, or null when it is one SELECT that reads only the mart.</summary>
    /// <param name="sql">The SQL as sent, for its first word in a refusal.</param>
    /// <param name="parsed">What <see cref="ParseCommand"/> answered.</param>
    public static string? RefusalOf(string sql, string parsed)
    {
        ArgumentNullException.ThrowIfNull(sql);
        using var document = JsonDocument.Parse(parsed);
        var root = document.RootElement;
        if (root.GetProperty("error").GetBoolean())
        {
            var message = root.TryGetProperty("error_message", out var m) ? m.GetString() : null;
            return root.TryGetProperty("error_type", out var type) && type.GetString() == "parser"
                ? $"The SQL does not parse: {message}"
                : $"Only one SELECT statement may run here; '{FirstWord(sql)}' is not allowed (DuckDB: {message}).";
        }

        var statements = root.GetProperty("statements");
        if (statements.GetArrayLength() != 1)
        {
            return $"Only one statement may run at a time; this SQL has {statements.GetArrayLength()}.";
        }

        return RefusalIn(statements[0]);
    }

    /// <summary>Walks the whole tree: functions and tables may hide in subqueries, CTEs, joins and expressions.</summary>
    private static string? RefusalIn(JsonElement node)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Object:
                if (node.TryGetProperty("function_name", out var function) && function.GetString() is { } name && IsDenied(name))
                {
                    return $"The function '{name}' reads files, the network or the environment, or runs other SQL; queries read only the tables of your mart.";
                }

                if (node.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "BASE_TABLE")
                {
                    var table = node.GetProperty("table_name").GetString() ?? string.Empty;
                    var schema = node.GetProperty("schema_name").GetString() ?? string.Empty;
                    var catalog = node.GetProperty("catalog_name").GetString() ?? string.Empty;
                    if (table.IndexOfAny(['/', '\\', ':', '.']) >= 0)
                    {
                        return $"'{table}' names a file or a URL; queries read only the tables of your mart.";
                    }

                    if (catalog.Length > 0 || !AllowedSchemas.Contains(schema))
                    {
                        return $"'{string.Join('.', new[] { catalog, schema, table }.Where(p => p.Length > 0))}' is outside your mart; name its tables alone.";
                    }
                }

                foreach (var property in node.EnumerateObject())
                {
                    if (RefusalIn(property.Value) is { } refusal)
                    {
                        return refusal;
                    }
                }

                return null;

            case JsonValueKind.Array:
                foreach (var item in node.EnumerateArray())
                {
                    if (RefusalIn(item) is { } refusal)
                    {
                        return refusal;
                    }
                }

                return null;

            default:
                return null;
        }
    }

    private static bool IsDenied(string function) =>
        DeniedFunctions.Contains(function)
        || DeniedPrefixes.Any(p => function.StartsWith(p, StringComparison.OrdinalIgnoreCase))
        || DeniedSuffixes.Any(s => function.EndsWith(s, StringComparison.OrdinalIgnoreCase));

    private static string FirstWord(string sql)
    {
        var word = new string([.. sql.TrimStart().TakeWhile(char.IsLetter)]);
        return word.Length > 0 ? word.ToUpperInvariant() : sql.Trim()[..Math.Min(sql.Trim().Length, 20)];
    }
}
