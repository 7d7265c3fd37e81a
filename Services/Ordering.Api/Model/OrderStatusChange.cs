namespace AspireMsa.Ordering.Api.Model;

/// <summary>One entry of an order's history: what it became, when, and why.</summary>
public sealed class OrderStatusChange(OrderStatus status, DateTimeOffset at, string reason)
{
    public OrderStatus Status { get; private set; } = status;

    public DateTimeOffset At { get; private set; } = at;

    public string Reason { get; private set; } = reason;
}
