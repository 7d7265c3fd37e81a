using AspireMsa.Catalog.Api.Model;

namespace AspireMsa.Catalog.Api.Apis;

public sealed record ProductResponse(Guid Id, string Name, string Description, decimal Price, string Category, long Version)
{
    public static ProductResponse From(Product product) =>
        new(product.Id, product.Name, product.Description, product.Price, product.Category, product.Version);
}
