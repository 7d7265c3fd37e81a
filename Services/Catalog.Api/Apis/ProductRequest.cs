using System.ComponentModel.DataAnnotations;
using AspireMsa.Catalog.Api.Model;

namespace AspireMsa.Catalog.Api.Apis;

/// <summary>The body of a create or update. <see cref="Version"/> is optional on update: when sent, a stale version answers 409.</summary>
public sealed record ProductRequest(
    [property: Required, StringLength(ProductRules.NameMaxLength, MinimumLength = 1), RegularExpression(ProductRules.NoNulPattern, ErrorMessage = ProductRules.NoNulMessage)]
    string Name,
    [property: StringLength(ProductRules.DescriptionMaxLength), RegularExpression(ProductRules.NoNulPattern, ErrorMessage = ProductRules.NoNulMessage)]
    string? Description,
    [property: Range(typeof(decimal), "0.01", "1000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)] decimal Price,
    [property: Required, StringLength(ProductRules.CategoryMaxLength, MinimumLength = 1), RegularExpression(ProductRules.NoNulPattern, ErrorMessage = ProductRules.NoNulMessage)]
    string Category,
    long? Version = null);
