namespace AspireMsa.Contracts;

/// <summary>
/// Ordering cancelled an order that Inventory had reserved stock for (the compensation step of the order saga);
/// Inventory releases every reservation it holds for <see cref="OrderId"/>.
/// </summary>
public sealed record OrderCancelled(Guid OrderId, string Reason) : IntegrationEvent;
