namespace AspireMsa.Contracts;

/// <summary>Catalog changed a price. <see cref="Version"/> is the product's version, so consumers can ignore stale events.</summary>
public sealed record ProductPriceChanged(Guid ProductId, decimal OldPrice, decimal NewPrice, long Version) : IntegrationEvent;
