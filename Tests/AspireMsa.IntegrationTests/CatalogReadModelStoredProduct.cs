namespace AspireMsa.IntegrationTests;

/// <summary>A product's hash in Redis as stored: its version, whether it is a tombstone, and its document.</summary>
public sealed record CatalogReadModelStoredProduct(long Version, bool Deleted, ProductDto? Document, TimeSpan? TimeToLive);
