using System.Text.Json.Serialization;
using AspireMsa.Contracts;
using Parquet.Serialization.Attributes;

namespace AspireMsa.Analytics.Api.Lake.Rows;

public sealed class ProductDeletedRow(ProductDeleted deleted, LakeEvent landed) : LakeRow(landed)
{
    [JsonPropertyName("product_id")]
    [ParquetRequired]
    public string ProductId { get; } = deleted.ProductId.ToString();

    [JsonPropertyName("sku")]
    public string Sku { get; } = deleted.Sku;

    [JsonPropertyName("version")]
    public long Version { get; } = deleted.Version;

    public static ProductDeletedRow From(ProductDeleted deleted, LakeEvent landed) => new(deleted, landed);
}
