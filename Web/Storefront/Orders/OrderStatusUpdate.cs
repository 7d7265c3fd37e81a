namespace AspireMsa.Storefront.Orders;

/// <summary>What every storefront replica hears on the Redis channel when an order's status changes.</summary>
public sealed record OrderStatusUpdate(Guid OrderId, string BuyerId, string Status, string? Reason, DateTimeOffset At);
