namespace AspireMsa.Contracts;

/// <summary>
/// Ordering moved an order to a new status; the storefront pushes it to the buyer's open pages; analytics records it.
/// <see cref="Status"/> is the order status's name (<c>Confirmed</c>, <c>Cancelled</c>) and <see cref="Reason"/> the text
/// written to the order's history. Published for every change after placement, whether or not anyone listens yet.
/// </summary>
public sealed record OrderStatusChanged(Guid OrderId, string BuyerId, string Status, string? Reason) : IntegrationEvent;
