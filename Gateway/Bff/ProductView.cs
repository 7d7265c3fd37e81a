namespace AspireMsa.Gateway.Bff;

/// <summary>A product as the catalog describes it; unknown fields are ignored, so the catalog may add some freely.</summary>
public sealed record ProductView(Guid Id, string Name, string Description, decimal Price, string Category, long Version);
