using System.Text.Json.Serialization;
using AspireMsa.Catalog.Api.Model;

namespace AspireMsa.Catalog.Api.Apis;

/// <param name="Sku">The stable legacy SKU old clients know the product by.</param>
/// <param name="Slug">Only in version 2 of the catalog API: the product's name as a URL path segment.</param>
public sealed record ProductResponse(
    Guid Id,
    string Sku,
    string Name,
    string Description,
    decimal Price,
    string Category,
    long Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Slug = null)
{
    public static ProductResponse From(Product product) =>
        new(product.Id, product.Sku, product.Name, product.Description, product.Price, product.Category, product.Version);
}
