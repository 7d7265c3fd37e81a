namespace AspireMsa.LegacyAdapter.Api.NewApi;

/// <summary>What the adapter reads of an order, placed (<c>202</c> of <c>POST /api/orders</c>) or read (<c>GET /api/orders/{id}</c>).</summary>
public sealed record OrderSummary(Guid Id, OrderStatus Status);
