namespace AspireMsa.Analytics.Api.Grants;

/// <summary>
/// A role's grants compiled: the tables of its mart. With a <paramref name="RowFilterClaim"/>, one mart is built per value
/// of that claim (per category), each holding only that value's rows; without, one mart for the role.
/// </summary>
public sealed record MartPlan(string Role, string? RowFilterClaim, IReadOnlyList<MartTable> Tables)
{
    /// <summary>The tables filtered by the claim's value, whose values make the marts.</summary>
    public IEnumerable<MartTable> FilteredTables => Tables.Where(t => t.FilterColumn is not null);
}
