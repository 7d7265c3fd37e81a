using System.Text.Json.Serialization;
using Parquet.Serialization.Attributes;

namespace AspireMsa.Analytics.Api.Lake.Rows;

/// <summary>One line of a placed order, nested in its row (a list of structs, as Spark and Trino read them).</summary>
public sealed class OrderPlacedLineRow(string productId, int quantity)
{
    [JsonPropertyName("product_id")]
    [ParquetRequired]
    public string ProductId { get; } = productId;

    [JsonPropertyName("quantity")]
    public int Quantity { get; } = quantity;
}
