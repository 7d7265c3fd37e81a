using System.Globalization;

namespace AspireMsa.Catalog.Api.Model;

/// <summary>
/// The legacy SKU. A product created without one gets the next number of the <see cref="SequenceName"/> sequence
/// (<c>SKU-000001</c>, …), so codes already handed to old clients never move.
/// </summary>
public static class ProductSku
{
    public const string SequenceName = "product_sku_numbers";

    private const string Prefix = "SKU-";
    private const int Digits = 6;

    public static string Format(long number) => Prefix + number.ToString(CultureInfo.InvariantCulture).PadLeft(Digits, '0');

    /// <summary>SKUs are compared in upper case: an old client that sends <c>sku-000123</c> means the same item.</summary>
    public static string Normalize(string sku) => sku.Trim().ToUpperInvariant();

    /// <summary>The number of a SKU in the sequence's own format, so an explicitly chosen one can move the sequence past it.</summary>
    public static bool TryGetNumber(string normalizedSku, out long number)
    {
        number = 0;
        return normalizedSku.StartsWith(Prefix, StringComparison.Ordinal)
            && long.TryParse(normalizedSku.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }
}
