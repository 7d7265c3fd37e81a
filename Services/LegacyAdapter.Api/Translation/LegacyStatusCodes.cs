using AspireMsa.LegacyAdapter.Api.NewApi;

namespace AspireMsa.LegacyAdapter.Api.Translation;

/// <summary>The old interface's order status codes, and the new order states they stand for.</summary>
public static class LegacyStatusCodes
{
    public const string Pending = "01";
    public const string Confirmed = "02";
    public const string Cancelled = "09";

    public static string From(OrderStatus status) => status switch
    {
        OrderStatus.Pending => Pending,
        OrderStatus.Confirmed => Confirmed,
        OrderStatus.Cancelled => Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "The order API sent a state the legacy interface has no code for."),
    };
}
