using AspireMsa.Ordering.Api.Model;

namespace AspireMsa.Ordering.Api.Apis;

public sealed record OrderStatusChangeResponse(OrderStatus Status, DateTimeOffset At, string Reason);
