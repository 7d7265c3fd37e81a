namespace AspireMsa.Storefront.StoreApi;

public sealed record OrderLineRequest(Guid ProductId, int Quantity);
