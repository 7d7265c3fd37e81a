namespace AspireMsa.Gateway.Bff;

public sealed record OrderLineView(Guid ProductId, int Quantity);
