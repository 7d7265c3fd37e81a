using System.Text.RegularExpressions;

namespace AspireMsa.LegacyAdapter.Api.Contract;

/// <summary>What the legacy contract accepts; the new order API's limits (50 lines, 1,000 of a product) bound it.</summary>
public static partial class LegacyOrderRules
{
    public const int OrderNoMaxLength = 32;
    public const int SkuMaxLength = 32;
    public const int MaxItems = 50;
    public const int MaxQuantity = 1000;

    /// <summary>Letters, digits and single hyphens between them, as the old system numbered its orders (<c>A-10001</c>) and the catalog its SKUs.</summary>
    [GeneratedRegex("^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$")]
    public static partial Regex Code();

    /// <summary>Order numbers and SKUs are compared in upper case: an old client that sends <c>a-1</c> means <c>A-1</c>.</summary>
    public static string Normalize(string code) => code.Trim().ToUpperInvariant();
}
