namespace AspireMsa.Gateway.Bff;

/// <summary>An order as the ordering service returns it to its buyer.</summary>
public sealed record OrderView(
    Guid Id,
    string Status,
    DateTimeOffset CreatedAt,
    IReadOnlyList<OrderLineView> Lines,
    IReadOnlyList<OrderStatusChangeView> History);
