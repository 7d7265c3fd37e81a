namespace AspireMsa.DemoData;

/// <summary>The part of the catalog's product answer the loader needs.</summary>
public sealed record StoreProduct(Guid Id, string Sku);
