namespace AspireMsa.Contracts;

/// <summary>Ordering accepted an order; Inventory answers with <see cref="StockReserved"/> or <see cref="StockRejected"/>.</summary>
public sealed record OrderPlaced(Guid OrderId, string BuyerId, IReadOnlyList<OrderPlacedLine> Lines) : IntegrationEvent;
