namespace AspireMsa.Gateway.Bff;

public sealed record OrderStatusChangeView(string Status, DateTimeOffset At, string? Reason);
