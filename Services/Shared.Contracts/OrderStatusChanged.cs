namespace AspireMsa.Contracts;

/// <summary>
/// Ordering moved an order to a new status (<see cref="Status"/> is the status's name, <see cref="Reason"/> the reason
/// recorded in the order's history). The storefront pushes it to the buyer's open pages; analytics records it.
/// </summary>
public sealed record OrderStatusChanged(Guid OrderId, string BuyerId, string Status, string? Reason) : IntegrationEvent;
