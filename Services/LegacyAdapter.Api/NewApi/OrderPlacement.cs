namespace AspireMsa.LegacyAdapter.Api.NewApi;

/// <summary>
/// The order the new API placed (or had placed under the same idempotency key), or its refusal: the status it answered
/// (409 for a customer at the open-order limit, 422 for a key reused with other lines) and why.
/// </summary>
public sealed record OrderPlacement(OrderSummary? Order, int RefusedStatus = 0, string? Refusal = null);
