namespace AspireMsa.Ordering.Api.Apis;

/// <param name="CurrentUnitPrice">The catalog's latest price announced while the order was pending; null if none was.</param>
public sealed record OrderLineResponse(Guid ProductId, int Quantity, decimal? CurrentUnitPrice);
