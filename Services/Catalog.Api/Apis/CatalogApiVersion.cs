using System.ComponentModel.DataAnnotations;
using AspireMsa.Catalog.Api.Model;
using Microsoft.Extensions.Options;

namespace AspireMsa.Catalog.Api.Apis;

/// <summary>
/// Which version of the catalog API this process answers as (<c>Catalog:ApiVersion</c>, v1 by default). Version 2 adds a
/// slug to every product. Both versions share one read model, so the field is added on the way out and never stored:
/// either version can be rolled back without a data migration. Any other value stops the process at start.
/// </summary>
public sealed class CatalogApiVersion(IOptions<CatalogApiVersion.Options> options)
{
    public const string V1 = "v1";
    public const string V2 = "v2";

    public ProductResponse Shape(ProductResponse product) =>
        options.Value.ApiVersion == V2 ? product with { Slug = ProductSlug.From(product.Name) } : product;

    public PagedResult<ProductResponse> Shape(PagedResult<ProductResponse> page) =>
        options.Value.ApiVersion == V2 ? page with { Items = [.. page.Items.Select(Shape)] } : page;

    public sealed class Options
    {
        public const string SectionName = "Catalog";

        [AllowedValues(V1, V2, ErrorMessage = "Catalog:ApiVersion must be v1 or v2.")]
        public string ApiVersion { get; set; } = V1;
    }
}
