namespace AspireMsa.Contracts;

/// <summary>Inventory reserved every line of the order.</summary>
public sealed record StockReserved(Guid OrderId) : IntegrationEvent;
