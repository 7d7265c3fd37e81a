namespace AspireMsa.Storefront.Cart;

/// <summary>
/// The cart as it lives in the session. <see cref="CheckoutKey"/> is the idempotency key its checkout sends, so however
/// often the same cart is submitted, one order is placed; a new cart gets a new key.
/// </summary>
public sealed record ShoppingCart(IReadOnlyList<CartLine> Lines, string CheckoutKey)
{
    public const int MaxQuantity = 99;
    public const int MaxLines = 50;

    public static ShoppingCart Empty() => new([], Guid.NewGuid().ToString("N"));

    public int ItemCount => Lines.Sum(line => line.Quantity);

    public decimal Total => Lines.Sum(line => line.Total);

    public ShoppingCart Add(Guid productId, string name, decimal unitPrice, int quantity)
    {
        var existing = Lines.FirstOrDefault(line => line.ProductId == productId);
        var newQuantity = Math.Min(MaxQuantity, (existing?.Quantity ?? 0) + quantity);
        var line = new CartLine(productId, name, unitPrice, newQuantity);
        return existing is null
            ? this with { Lines = [.. Lines, line] }
            : this with { Lines = [.. Lines.Select(l => l.ProductId == productId ? line : l)] };
    }

    public ShoppingCart SetQuantity(Guid productId, int quantity) => quantity <= 0
        ? this with { Lines = [.. Lines.Where(line => line.ProductId != productId)] }
        : this with { Lines = [.. Lines.Select(line => line.ProductId == productId ? line with { Quantity = Math.Min(MaxQuantity, quantity) } : line)] };
}
