namespace AspireMsa.Gateway.Bff;

/// <summary>An order page in one call: the caller's order, and each line with its product's current details.</summary>
public sealed record OrderDetailsResponse(OrderView Order, IReadOnlyList<OrderDetailsLine> Lines);
