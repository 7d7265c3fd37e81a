namespace AspireMsa.Analytics.Api.Grants;

/// <summary>
/// One row of the grant table: what a role may query of one warehouse dataset. Either its rows, optionally narrowed to
/// the rows whose <see cref="RowFilterColumn"/> equals the caller's <see cref="RowFilterClaim"/> and to
/// <see cref="Columns"/> (all when null), or, when <see cref="AggregateOnly"/>, only the dataset's aggregates, which name
/// no single row of it. A role's grants compile into one DuckDB mart (<see cref="GrantCompiler"/>).
/// </summary>
public sealed class DatasetGrant
{
    public const int NameMaxLength = 100;

    public DatasetGrant(int id, string role, string dataset, string? rowFilterColumn = null, string? rowFilterClaim = null, string[]? columns = null, bool aggregateOnly = false)
    {
        Id = id;
        Role = role;
        Dataset = dataset;
        RowFilterColumn = rowFilterColumn;
        RowFilterClaim = rowFilterClaim;
        Columns = columns;
        AggregateOnly = aggregateOnly;
    }

    public int Id { get; private set; }

    public string Role { get; private set; }

    /// <summary>A table of the warehouse (<see cref="WarehouseDatasets"/>).</summary>
    public string Dataset { get; private set; }

    public string? RowFilterColumn { get; private set; }

    /// <summary>The access-token claim whose value a row's <see cref="RowFilterColumn"/> must equal.</summary>
    public string? RowFilterClaim { get; private set; }

    /// <summary>The columns granted, in this order; every column of the dataset when null.</summary>
    public string[]? Columns { get; private set; }

    public bool AggregateOnly { get; private set; }
}
