namespace AspireMsa.Catalog.Api.Model;

/// <summary>The limits a product's fields must respect, shared by the schema and the request validation.</summary>
public static class ProductRules
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const int CategoryMaxLength = 100;
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;

    /// <summary>The last page whose offset, (page - 1) × <see cref="MaxPageSize"/>, still fits the int that paging takes.</summary>
    public const int MaxPage = int.MaxValue / MaxPageSize;
}
