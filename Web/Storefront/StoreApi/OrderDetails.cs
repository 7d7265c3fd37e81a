namespace AspireMsa.Storefront.StoreApi;

public sealed record OrderDetails(Order Order, IReadOnlyList<OrderDetailsLine> Lines);
