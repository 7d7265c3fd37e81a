namespace AspireMsa.Ordering.Api.Model;

public sealed class OrderLine(Guid productId, int quantity)
{
    public Guid ProductId { get; private set; } = productId;

    public int Quantity { get; private set; } = quantity;
}
