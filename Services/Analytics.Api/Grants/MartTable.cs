namespace AspireMsa.Analytics.Api.Grants;

/// <summary>
/// One table of a mart: <paramref name="Columns"/> of the warehouse table <paramref name="Source"/>, only the rows whose
/// <paramref name="FilterColumn"/> equals the mart's filter value when one is given.
/// </summary>
public sealed record MartTable(string Name, string Source, IReadOnlyList<string> Columns, string? FilterColumn);
