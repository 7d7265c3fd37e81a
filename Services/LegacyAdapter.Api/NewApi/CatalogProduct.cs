namespace AspireMsa.LegacyAdapter.Api.NewApi;

/// <summary>The fields of the catalog's product the adapter reads; the catalog may send more.</summary>
public sealed record CatalogProduct(Guid Id, string Sku, string Name, decimal Price);
