namespace AspireMsa.Storefront.StoreApi;

public sealed record OrderStatusChange(string Status, DateTimeOffset At, string? Reason);
