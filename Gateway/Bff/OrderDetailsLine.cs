namespace AspireMsa.Gateway.Bff;

/// <summary>
/// An order line with the product as the catalog describes it now. <c>productStatus</c>: "available" (details
/// present), "unknown" (the catalog has no such product any more) or "unavailable" (the catalog could not answer).
/// </summary>
public sealed record OrderDetailsLine(Guid ProductId, int Quantity, ProductView? Product, string ProductStatus)
{
    public const string AvailableStatus = "available";
    public const string UnknownStatus = "unknown";
    public const string UnavailableStatus = "unavailable";

    public static OrderDetailsLine From(OrderLineView line, DownstreamResult<ProductView> product) => product switch
    {
        { Succeeded: true } => new(line.ProductId, line.Quantity, product.Value, AvailableStatus),
        { Outcome: DownstreamOutcome.NotFound } => new(line.ProductId, line.Quantity, null, UnknownStatus),
        _ => new(line.ProductId, line.Quantity, null, UnavailableStatus),
    };
}
