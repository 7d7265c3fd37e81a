namespace AspireMsa.LegacyAdapter.Api.Contract;

/// <summary>
/// A legacy order as its XML states it. <see cref="CustomerNo"/> is read but not trusted: the API key decides whose order
/// it is. The same SKU may appear on several items, as the old interface allowed.
/// </summary>
public sealed record LegacyOrderRequest(string OrderNo, string? CustomerNo, IReadOnlyList<LegacyOrderItem> Items);
