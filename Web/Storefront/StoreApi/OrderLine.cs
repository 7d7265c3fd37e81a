namespace AspireMsa.Storefront.StoreApi;

public sealed record OrderLine(Guid ProductId, int Quantity);
