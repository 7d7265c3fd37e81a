namespace AspireMsa.Storefront.StoreApi;

public sealed record PlaceOrderRequest(IReadOnlyList<OrderLineRequest> Lines);
