using AspireMsa.Ordering.Api.Model;

namespace AspireMsa.Ordering.Api.Apis;

public sealed record OrderAcceptedResponse(Guid Id, OrderStatus Status);
