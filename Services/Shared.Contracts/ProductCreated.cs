namespace AspireMsa.Contracts;

/// <summary>
/// Catalog created a product. It carries the catalog fields a consumer keeps a copy of (analytics' product dimension), at
/// <see cref="Version"/> 1.
/// </summary>
public sealed record ProductCreated(Guid ProductId, string Sku, string Name, string Category, decimal Price, long Version) : IntegrationEvent;
