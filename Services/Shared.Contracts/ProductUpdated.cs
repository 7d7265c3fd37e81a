namespace AspireMsa.Contracts;

/// <summary>
/// Catalog changed a product: its fields after the change, at <see cref="Version"/>. A price change also publishes
/// <see cref="ProductPriceChanged"/>, which the services that price orders and stock consume; this event is for those who
/// keep a copy of the whole product.
/// </summary>
public sealed record ProductUpdated(Guid ProductId, string Sku, string Name, string Category, decimal Price, long Version) : IntegrationEvent;
