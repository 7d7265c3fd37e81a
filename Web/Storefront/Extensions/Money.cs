using System.Globalization;

namespace AspireMsa.Storefront.Extensions;

/// <summary>
/// How the store shows prices. The services price in one currency; the app runs with invariant globalization (no
/// culture data), so the format is stated here rather than taken from a culture such as en-US.
/// </summary>
public static class Money
{
    private static readonly NumberFormatInfo Format = new()
    {
        CurrencySymbol = "$",
        CurrencyDecimalDigits = 2,
        CurrencyPositivePattern = 0,
        CurrencyNegativePattern = 1,
    };

    public static string Of(decimal amount) => amount.ToString("C", Format);
}
