namespace AspireMsa.Analytics.Api.Query;

/// <summary>A result column: its name and its DuckDB type as the provider names it (<c>Varchar</c>, <c>Decimal</c>, <c>BigInt</c>, ...).</summary>
public sealed record QueryColumn(string Name, string Type);
