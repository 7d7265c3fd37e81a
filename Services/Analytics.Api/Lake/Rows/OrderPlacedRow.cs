using System.Text.Json.Serialization;
using AspireMsa.Contracts;
using Parquet.Serialization.Attributes;

namespace AspireMsa.Analytics.Api.Lake.Rows;

public sealed class OrderPlacedRow(OrderPlaced placed, LakeEvent landed) : LakeRow(landed)
{
    [JsonPropertyName("order_id")]
    [ParquetRequired]
    public string OrderId { get; } = placed.OrderId.ToString();

    [JsonPropertyName("buyer_id")]
    [ParquetRequired]
    public string BuyerId { get; } = placed.BuyerId;

    [JsonPropertyName("lines")]
    public List<OrderPlacedLineRow> Lines { get; } = [.. placed.Lines.Select(l => new OrderPlacedLineRow(l.ProductId.ToString(), l.Quantity))];

    public static OrderPlacedRow From(OrderPlaced placed, LakeEvent landed) => new(placed, landed);
}
