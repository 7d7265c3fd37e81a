using AspireMsa.Catalog.Api.Model;
using Microsoft.Extensions.Options;

namespace AspireMsa.Catalog.Api.Apis;

/// <summary>
/// Which version of the catalog API this process answers as (<c>Catalog:ApiVersion</c>, v1 by default). Version 2 adds a
/// slug to every product. Both versions share one read model, so the field is added on the way out and never stored:
/// either version can be rolled back without a data migration.
/// </summary>
public sealed class CatalogApiVersion(IOptions<CatalogApiVersion.Options> options)
{
    public const string V2 = "v2";

    public ProductResponse Shape(ProductResponse product) =>
        options.Value.ApiVersion == V2 ? product with { Slug = ProductSlug.From(product.Name) } : product;

    public PagedResult<ProductResponse> Shape(PagedResult<ProductResponse> page) =>
        options.Value.ApiVersion == V2 ? page with { Items = [.. page.Items.Select(Shape)] } : page;

    public sealed class Options
    {
        public const string SectionName = "Catalog";

        public string ApiVersion { get; set; } = "v1";
    }
}
