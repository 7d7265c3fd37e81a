using System.Text.Json.Serialization;
using Parquet.Serialization.Attributes;

namespace AspireMsa.Analytics.Api.Lake.Rows;

/// <summary>A product's catalog fields as an event announced them: the columns of <c>ProductCreated</c> and <c>ProductUpdated</c>.</summary>
public abstract class ProductStateRow(Guid productId, string sku, string name, string category, decimal price, long version, LakeEvent landed)
    : LakeRow(landed)
{
    [JsonPropertyName("product_id")]
    [ParquetRequired]
    public string ProductId { get; } = productId.ToString();

    [JsonPropertyName("sku")]
    public string Sku { get; } = sku;

    [JsonPropertyName("name")]
    public string Name { get; } = name;

    [JsonPropertyName("category")]
    public string Category { get; } = category;

    [JsonPropertyName("price")]
    [ParquetDecimal(ProductPriceChangedRow.PricePrecision, ProductPriceChangedRow.PriceScale)]
    public decimal Price { get; } = price;

    [JsonPropertyName("version")]
    public long Version { get; } = version;
}
