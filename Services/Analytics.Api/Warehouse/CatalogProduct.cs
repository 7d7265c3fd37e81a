namespace AspireMsa.Analytics.Api.Warehouse;

/// <summary>A product as the catalog's public API lists it, with what the warehouse takes of it.</summary>
public sealed record CatalogProduct(Guid Id, string Name, string Category, decimal Price);
