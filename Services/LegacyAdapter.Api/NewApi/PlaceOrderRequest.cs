namespace AspireMsa.LegacyAdapter.Api.NewApi;

/// <summary>The body of <c>POST /api/orders</c>: one line per product.</summary>
public sealed record PlaceOrderRequest(IReadOnlyList<OrderLineRequest> Lines);
