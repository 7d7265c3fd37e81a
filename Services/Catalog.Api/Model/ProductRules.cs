namespace AspireMsa.Catalog.Api.Model;

/// <summary>The limits a product's fields must respect, shared by the schema and the request validation.</summary>
public static class ProductRules
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const int CategoryMaxLength = 100;
    public const int SkuMaxLength = 32;
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;

    /// <summary>PostgreSQL text cannot hold a NUL character: such a value is refused up front instead of failing the query.</summary>
    public const string NoNulPattern = "^[^\\u0000]*$";

    public const string NoNulMessage = "The field {0} must not contain NUL characters.";

    /// <summary>Letters, digits and inner hyphens, as old clients' item codes are written; compared in upper case.</summary>
    public const string SkuPattern = "^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$";

    public const string SkuMessage = "The field {0} must be letters and digits, optionally joined by single hyphens (for example SKU-000123).";

    /// <summary>The last page whose offset, (page - 1) × <see cref="MaxPageSize"/>, still fits the int that paging takes.</summary>
    public const int MaxPage = int.MaxValue / MaxPageSize;
}
