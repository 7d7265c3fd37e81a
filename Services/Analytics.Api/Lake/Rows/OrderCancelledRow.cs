using System.Text.Json.Serialization;
using AspireMsa.Contracts;
using Parquet.Serialization.Attributes;

namespace AspireMsa.Analytics.Api.Lake.Rows;

public sealed class OrderCancelledRow(OrderCancelled cancelled, LakeEvent landed) : LakeRow(landed)
{
    [JsonPropertyName("order_id")]
    [ParquetRequired]
    public string OrderId { get; } = cancelled.OrderId.ToString();

    [JsonPropertyName("reason")]
    public string Reason { get; } = cancelled.Reason;

    public static OrderCancelledRow From(OrderCancelled cancelled, LakeEvent landed) => new(cancelled, landed);
}
