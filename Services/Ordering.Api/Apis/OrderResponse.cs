using AspireMsa.Ordering.Api.Model;

namespace AspireMsa.Ordering.Api.Apis;

public sealed record OrderResponse(
    Guid Id,
    string BuyerId,
    OrderStatus Status,
    DateTimeOffset CreatedAt,
    IReadOnlyList<OrderLineResponse> Lines,
    IReadOnlyList<OrderStatusChangeResponse> History)
{
    public static OrderResponse From(Order order) =>
        new(
            order.Id,
            order.BuyerId,
            order.Status,
            order.CreatedAt,
            [.. order.Lines.Select(l => new OrderLineResponse(l.ProductId, l.Quantity, l.CurrentUnitPrice))],
            // The database returns owned rows in no particular order; history reads oldest first.
            [.. order.History.OrderBy(h => h.At).Select(h => new OrderStatusChangeResponse(h.Status, h.At, h.Reason))]);
}
