namespace AspireMsa.Contracts;

/// <summary>Catalog deleted a product; <see cref="Version"/> is its tombstone's version, one past the last it had.</summary>
public sealed record ProductDeleted(Guid ProductId, string Sku, long Version) : IntegrationEvent;
