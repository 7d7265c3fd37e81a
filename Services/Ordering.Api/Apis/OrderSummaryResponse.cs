using AspireMsa.Ordering.Api.Model;

namespace AspireMsa.Ordering.Api.Apis;

public sealed record OrderSummaryResponse(Guid Id, OrderStatus Status, DateTimeOffset CreatedAt, int LineCount);
