using System.Text.Json.Serialization;
using AspireMsa.Contracts;
using Parquet.Serialization.Attributes;

namespace AspireMsa.Analytics.Api.Lake.Rows;

public sealed class StockRejectedRow(StockRejected rejected, LakeEvent landed) : LakeRow(landed)
{
    [JsonPropertyName("order_id")]
    [ParquetRequired]
    public string OrderId { get; } = rejected.OrderId.ToString();

    [JsonPropertyName("reason")]
    public string Reason { get; } = rejected.Reason;

    public static StockRejectedRow From(StockRejected rejected, LakeEvent landed) => new(rejected, landed);
}
