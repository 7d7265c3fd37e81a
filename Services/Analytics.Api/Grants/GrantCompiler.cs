using System.Text.RegularExpressions;

namespace AspireMsa.Analytics.Api.Grants;

/// <summary>
/// Turns the grant table into one <see cref="MartPlan"/> per role, checked against the warehouse's actual tables and
/// columns: a grant naming a table or column the warehouse lacks, or mixing what cannot mix, fails the compile (and so the
/// marts step, visibly in the run history) instead of silently granting more or less.
/// </summary>
public static partial class GrantCompiler
{
    /// <param name="warehouseColumns">Each warehouse table's columns, in order.</param>
    public static IReadOnlyList<MartPlan> Compile(IEnumerable<DatasetGrant> grants, IReadOnlyDictionary<string, IReadOnlyList<string>> warehouseColumns)
    {
        ArgumentNullException.ThrowIfNull(grants);
        ArgumentNullException.ThrowIfNull(warehouseColumns);
        return [.. grants
            .GroupBy(g => g.Role, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(role => CompileRole(role.Key, [.. role.OrderBy(g => g.Id)], warehouseColumns))];
    }

    private static MartPlan CompileRole(string role, List<DatasetGrant> grants, IReadOnlyDictionary<string, IReadOnlyList<string>> warehouseColumns)
    {
        // The role names its mart's file.
        if (!RoleName().IsMatch(role))
        {
            throw Invalid(role, $"the role name '{role}' is not lower-case letters, digits and dashes");
        }

        var claims = grants.Select(g => g.RowFilterClaim).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (claims.Count > 1)
        {
            throw Invalid(role, $"its rows are filtered by several claims ({string.Join(", ", claims)}); a mart is built per value of one");
        }

        var tables = new List<MartTable>();
        foreach (var grant in grants)
        {
            tables.AddRange(TablesOf(grant, warehouseColumns));
        }

        var twice = tables.GroupBy(t => t.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw Invalid(role, $"it is granted '{twice.Key}' more than once");
        }

        return new MartPlan(role, claims.SingleOrDefault(), tables);
    }

    private static IEnumerable<MartTable> TablesOf(DatasetGrant grant, IReadOnlyDictionary<string, IReadOnlyList<string>> warehouseColumns)
    {
        if (!WarehouseDatasets.Aggregates.TryGetValue(grant.Dataset, out var aggregates) || !warehouseColumns.TryGetValue(grant.Dataset, out var columns))
        {
            throw Invalid(grant, $"the warehouse has no dataset '{grant.Dataset}'");
        }

        if ((grant.RowFilterColumn is null) != (grant.RowFilterClaim is null))
        {
            throw Invalid(grant, "a row filter needs both its column and its claim");
        }

        if (grant.AggregateOnly)
        {
            if (grant.RowFilterColumn is not null || grant.Columns is not null)
            {
                throw Invalid(grant, "an aggregate-only grant takes the aggregates whole, without a row filter or columns");
            }

            if (aggregates.Count == 0)
            {
                throw Invalid(grant, $"'{grant.Dataset}' has no aggregates to grant");
            }

            return aggregates.Select(aggregate => new MartTable(aggregate, aggregate, ColumnsOf(grant, aggregate, warehouseColumns), null));
        }

        var granted = grant.Columns ?? [.. columns];
        var unknown = granted.Concat(grant.RowFilterColumn is { } filter ? [filter] : []).Except(columns, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0 || granted.Length == 0)
        {
            throw Invalid(grant, unknown.Count > 0
                ? $"'{grant.Dataset}' has no column {string.Join(", ", unknown.Select(c => $"'{c}'"))}"
                : "it grants no column");
        }

        return [new MartTable(grant.Dataset, grant.Dataset, granted, grant.RowFilterColumn)];
    }

    private static IReadOnlyList<string> ColumnsOf(DatasetGrant grant, string table, IReadOnlyDictionary<string, IReadOnlyList<string>> warehouseColumns) =>
        warehouseColumns.TryGetValue(table, out var columns) ? columns : throw Invalid(grant, $"the warehouse has no aggregate '{table}'");

    private static InvalidDataException Invalid(DatasetGrant grant, string why) =>
        new($"Grant {grant.Id} ({grant.Role} on {grant.Dataset}) cannot be compiled: {why}.");

    private static InvalidDataException Invalid(string role, string why) => new($"The grants of role '{role}' cannot be compiled: {why}.");

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex RoleName();
}
