namespace AspireMsa.Ordering.Api.Apis;

public sealed record OrderLineResponse(Guid ProductId, int Quantity);
