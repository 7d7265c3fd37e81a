using System.ComponentModel.DataAnnotations;
using AspireMsa.Catalog.Api.Model;

namespace AspireMsa.Catalog.Api.Apis;

/// <summary>
/// The body of a create or update. <see cref="Version"/> is optional on update: when sent, a stale version answers 409.
/// <see cref="Sku"/> is optional on create (the next one of the sequence is assigned) and, being stable, may only repeat
/// the product's own SKU on update.
/// </summary>
public sealed record ProductRequest(
    [property: Required, StringLength(ProductRules.NameMaxLength, MinimumLength = 1), RegularExpression(ProductRules.NoNulPattern, ErrorMessage = ProductRules.NoNulMessage)]
    string Name,
    [property: StringLength(ProductRules.DescriptionMaxLength), RegularExpression(ProductRules.NoNulPattern, ErrorMessage = ProductRules.NoNulMessage)]
    string? Description,
    [property: Range(typeof(decimal), "0.01", "1000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)] decimal Price,
    [property: Required, StringLength(ProductRules.CategoryMaxLength, MinimumLength = 1), RegularExpression(ProductRules.NoNulPattern, ErrorMessage = ProductRules.NoNulMessage)]
    string Category,
    long? Version = null,
    [property: StringLength(ProductRules.SkuMaxLength, MinimumLength = 1), RegularExpression(ProductRules.SkuPattern, ErrorMessage = ProductRules.SkuMessage)]
    string? Sku = null);
