using AspireMsa.Contracts;

namespace AspireMsa.Analytics.Api.Lake.Rows;

public sealed class ProductUpdatedRow(ProductUpdated updated, LakeEvent landed)
    : ProductStateRow(updated.ProductId, updated.Sku, updated.Name, updated.Category, updated.Price, updated.Version, landed)
{
    public static ProductUpdatedRow From(ProductUpdated updated, LakeEvent landed) => new(updated, landed);
}
