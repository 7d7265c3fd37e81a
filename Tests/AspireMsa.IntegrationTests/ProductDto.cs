namespace AspireMsa.IntegrationTests;

public sealed record ProductDto(Guid Id, string Name, string Description, decimal Price, string Category, long Version, string? Sku = null);
