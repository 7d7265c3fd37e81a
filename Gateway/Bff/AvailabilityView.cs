using System.Text.Json.Serialization;

namespace AspireMsa.Gateway.Bff;

/// <summary>
/// The stock section of a product page. <c>status</c> says whether the section could be filled: "unavailable" means the
/// inventory service could not answer in time (or the caller may not read stock), not that the product is sold out.
/// </summary>
public sealed record AvailabilityView(
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? OnHand = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Reserved = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Available = null)
{
    public const string AvailableStatus = "available";
    public const string UnavailableStatus = "unavailable";

    public static AvailabilityView Unavailable { get; } = new(UnavailableStatus);

    public static AvailabilityView From(StockLevelView stock) => new(AvailableStatus, stock.OnHand, stock.Reserved, stock.Available);

    /// <summary>No stock recorded yet is a real answer: nothing on hand, so orders for it would be rejected.</summary>
    public static AvailabilityView NoneRecorded { get; } = new(AvailableStatus, 0, 0, 0);
}
