namespace AspireMsa.Contracts;

/// <summary>Inventory could not reserve the order and reserved nothing of it; <see cref="Reason"/> is for people.</summary>
public sealed record StockRejected(Guid OrderId, string Reason) : IntegrationEvent;
