namespace AspireMsa.Analytics.Api.Warehouse;

/// <summary>Quoting for the few places DuckDB takes no parameter: identifiers, and constants it must see at bind time.</summary>
public static class DuckDbSql
{
    /// <summary>A double-quoted identifier, any double quote in it doubled.</summary>
    public static string Identifier(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    /// <summary>A single-quoted string constant, any single quote in it doubled (DuckDB's plain strings have no other escape).</summary>
    public static string Literal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";
    }
}
