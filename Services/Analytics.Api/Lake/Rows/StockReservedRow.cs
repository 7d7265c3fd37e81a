using System.Text.Json.Serialization;
using AspireMsa.Contracts;
using Parquet.Serialization.Attributes;

namespace AspireMsa.Analytics.Api.Lake.Rows;

public sealed class StockReservedRow(StockReserved reserved, LakeEvent landed) : LakeRow(landed)
{
    [JsonPropertyName("order_id")]
    [ParquetRequired]
    public string OrderId { get; } = reserved.OrderId.ToString();

    public static StockReservedRow From(StockReserved reserved, LakeEvent landed) => new(reserved, landed);
}
