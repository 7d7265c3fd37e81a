namespace AspireMsa.Storefront.Cart;

/// <summary>A product in the cart, with the name and price the catalog gave when it was added (the order is priced by the services).</summary>
public sealed record CartLine(Guid ProductId, string Name, decimal UnitPrice, int Quantity)
{
    public decimal Total => UnitPrice * Quantity;
}
