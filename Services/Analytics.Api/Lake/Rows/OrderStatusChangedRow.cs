using System.Text.Json.Serialization;
using AspireMsa.Contracts;
using Parquet.Serialization.Attributes;

namespace AspireMsa.Analytics.Api.Lake.Rows;

public sealed class OrderStatusChangedRow(OrderStatusChanged changed, LakeEvent landed) : LakeRow(landed)
{
    [JsonPropertyName("order_id")]
    [ParquetRequired]
    public string OrderId { get; } = changed.OrderId.ToString();

    [JsonPropertyName("buyer_id")]
    [ParquetRequired]
    public string BuyerId { get; } = changed.BuyerId;

    [JsonPropertyName("status")]
    [ParquetRequired]
    public string Status { get; } = changed.Status;

    [JsonPropertyName("reason")]
    public string? Reason { get; } = changed.Reason;

    public static OrderStatusChangedRow From(OrderStatusChanged changed, LakeEvent landed) => new(changed, landed);
}
