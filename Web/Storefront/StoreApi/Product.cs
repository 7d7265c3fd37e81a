namespace AspireMsa.Storefront.StoreApi;

public sealed record Product(Guid Id, string Sku, string Name, string Description, decimal Price, string Category, long Version, string? Slug = null);
