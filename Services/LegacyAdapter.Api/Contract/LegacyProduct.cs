namespace AspireMsa.LegacyAdapter.Api.Contract;

/// <summary>A product as the legacy price list shows it: its SKU, name and price, nothing of the new catalog's shape.</summary>
public sealed record LegacyProduct(string Sku, string Name, decimal Price);
