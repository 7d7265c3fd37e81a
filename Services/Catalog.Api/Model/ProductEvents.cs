using AspireMsa.Contracts;

namespace AspireMsa.Catalog.Api.Model;

/// <summary>The integration events of a product's life, stamped with the time of the change they announce.</summary>
public static class ProductEvents
{
    public static ProductCreated Created(Product product) =>
        new(product.Id, product.Sku, product.Name, product.Category, product.Price, product.Version) { OccurredAt = product.UpdatedAt };

    public static ProductUpdated Updated(Product product) =>
        new(product.Id, product.Sku, product.Name, product.Category, product.Price, product.Version) { OccurredAt = product.UpdatedAt };

    public static ProductDeleted Deleted(Product product, long tombstoneVersion, DateTimeOffset deletedAt) =>
        new(product.Id, product.Sku, tombstoneVersion) { OccurredAt = deletedAt };
}
