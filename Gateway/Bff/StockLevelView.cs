namespace AspireMsa.Gateway.Bff;

/// <summary>A product's stock as the inventory service reports it.</summary>
public sealed record StockLevelView(Guid ProductId, int OnHand, int Reserved, int Available);
