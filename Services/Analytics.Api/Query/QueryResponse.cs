namespace AspireMsa.Analytics.Api.Query;

/// <summary>The result: its columns, its rows (values in column order), and whether rows past the row limit were left out.</summary>
public sealed record QueryResponse(IReadOnlyList<QueryColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows, bool Truncated);
