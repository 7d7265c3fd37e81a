namespace AspireMsa.Storefront.StoreApi;

/// <summary><c>productStatus</c>: "available" (details present), "unknown" (no such product any more) or "unavailable".</summary>
public sealed record OrderDetailsLine(Guid ProductId, int Quantity, Product? Product, string ProductStatus);
