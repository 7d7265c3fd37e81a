namespace AspireMsa.LegacyAdapter.Api.NewApi;

public sealed record OrderLineRequest(Guid ProductId, int Quantity);
