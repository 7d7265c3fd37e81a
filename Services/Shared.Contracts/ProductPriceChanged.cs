namespace AspireMsa.Contracts;

/// <summary>
/// Catalog changed a product's price (published only when the price really changed). <see cref="Version"/> is the product's
/// version after the change, so a consumer that already applied a newer price ignores an older one arriving late.
/// </summary>
public sealed record ProductPriceChanged(Guid ProductId, decimal OldPrice, decimal NewPrice, long Version) : IntegrationEvent;
