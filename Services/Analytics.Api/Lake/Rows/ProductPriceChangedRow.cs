using System.Text.Json.Serialization;
using AspireMsa.Contracts;
using Parquet.Serialization.Attributes;

namespace AspireMsa.Analytics.Api.Lake.Rows;

/// <summary>Prices as decimal(18,2), the catalog's own precision, so no engine reads them as floating point.</summary>
public sealed class ProductPriceChangedRow(ProductPriceChanged changed, LakeEvent landed) : LakeRow(landed)
{
    public const int PricePrecision = 18;
    public const int PriceScale = 2;

    [JsonPropertyName("product_id")]
    [ParquetRequired]
    public string ProductId { get; } = changed.ProductId.ToString();

    [JsonPropertyName("old_price")]
    [ParquetDecimal(PricePrecision, PriceScale)]
    public decimal OldPrice { get; } = changed.OldPrice;

    [JsonPropertyName("new_price")]
    [ParquetDecimal(PricePrecision, PriceScale)]
    public decimal NewPrice { get; } = changed.NewPrice;

    [JsonPropertyName("version")]
    public long Version { get; } = changed.Version;

    public static ProductPriceChangedRow From(ProductPriceChanged changed, LakeEvent landed) => new(changed, landed);
}
