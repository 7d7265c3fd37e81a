namespace AspireMsa.ServiceDefaults.Capabilities;

/// <summary>One column of a dataset, with its type as the platform names it (<c>uuid</c>, <c>DECIMAL(18,2)</c>, <c>Int64</c>).</summary>
public sealed record DatasetColumn(string Name, string Type, bool Nullable);
