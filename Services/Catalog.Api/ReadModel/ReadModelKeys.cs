namespace AspireMsa.Catalog.Api.ReadModel;

/// <summary>
/// The Redis layout of the read model. Every key carries the hash tag <c>{catalog}</c>, so one script may update a
/// product and its indexes atomically even on a Redis cluster (they all live in one slot).
/// </summary>
public static class ReadModelKeys
{
    /// <summary>A hash per product: <c>version</c>, <c>json</c>, <c>member</c>, <c>index</c>; a tombstone has <c>version</c> and <c>deleted</c>.</summary>
    public const string ProductKeyPrefix = "{catalog}:product:";

    public const string AllProductsIndex = "{catalog}:index:all";

    public const string CategoryIndexPrefix = "{catalog}:index:category:";

    public const string IndexKeyPattern = "{catalog}:index:*";

    /// <summary>A hash from SKU to product id (32 hex), outside <see cref="IndexKeyPattern"/>: it is no sorted index.</summary>
    public const string SkuIndex = "{catalog}:skus";

    /// <summary>
    /// The empty member every complete index holds. It sorts before every product, and its presence is what tells a
    /// complete index from one that only collected the products written since Redis was emptied.
    /// </summary>
    public const string CompleteMarker = "";

    private const char NameIdSeparator = '\0';
    private const string IdFormat = "N";
    private const int IdLength = 32;

    public static string Product(Guid id) => ProductKeyPrefix + id.ToString(IdFormat);

    /// <summary>A product id as the SKU index stores it.</summary>
    public static string ProductId(Guid id) => id.ToString(IdFormat);

    public static bool TryParseProductId(string value, out Guid id) => Guid.TryParseExact(value, IdFormat, out id);

    /// <summary>The index a listing reads: one per category, and one for all products when no category is given.</summary>
    public static string Index(string? category) =>
        string.IsNullOrWhiteSpace(category) ? AllProductsIndex : CategoryIndexPrefix + category;

    /// <summary>
    /// The sorted-set member of a product. All scores are 0, so Redis orders members by their UTF-8 bytes: name first, the
    /// separator (byte 0, below every character) making a shorter name sort before its extensions, then the id in hex.
    /// That is exactly PostgreSQL's <c>ORDER BY name COLLATE "C", id</c>, which the database fallback uses.
    /// </summary>
    public static string IndexMember(string name, Guid id) => string.Concat(name, NameIdSeparator.ToString(), id.ToString(IdFormat));

    /// <summary>Reads the product id back from an index member; false for the marker or anything not written by this code.</summary>
    public static bool TryGetProductId(string indexMember, out Guid productId)
    {
        productId = Guid.Empty;
        return indexMember is { Length: > IdLength } && indexMember[^(IdLength + 1)] == NameIdSeparator
            && Guid.TryParseExact(indexMember.AsSpan(indexMember.Length - IdLength), IdFormat, out productId);
    }

    /// <summary>The inclusive ranks of a page in an index, past the marker at rank 0.</summary>
    public static (long Start, long Stop) PageRange(int page, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var start = ((long)page - 1) * pageSize + 1;
        return (start, start + pageSize - 1);
    }
}
