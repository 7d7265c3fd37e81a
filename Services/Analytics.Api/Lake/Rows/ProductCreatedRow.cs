using AspireMsa.Contracts;

namespace AspireMsa.Analytics.Api.Lake.Rows;

public sealed class ProductCreatedRow(ProductCreated created, LakeEvent landed)
    : ProductStateRow(created.ProductId, created.Sku, created.Name, created.Category, created.Price, created.Version, landed)
{
    public static ProductCreatedRow From(ProductCreated created, LakeEvent landed) => new(created, landed);
}
