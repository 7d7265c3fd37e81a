namespace AspireMsa.Ordering.Api.Model;

public sealed class OrderLine(Guid productId, int quantity)
{
    public Guid ProductId { get; private set; } = productId;

    public int Quantity { get; private set; } = quantity;

    /// <summary>The catalog's price as last announced while the order was pending; null until a change is announced.</summary>
    public decimal? CurrentUnitPrice { get; private set; }

    /// <summary>The product version <see cref="CurrentUnitPrice"/> was announced with.</summary>
    public long? CurrentUnitPriceVersion { get; private set; }

    /// <summary>Shows a price announced at <paramref name="productVersion"/>; refuses, returning false, one older than the price shown.</summary>
    public bool TryShowCurrentPrice(decimal unitPrice, long productVersion)
    {
        if (CurrentUnitPriceVersion >= productVersion)
        {
            return false;
        }

        CurrentUnitPrice = unitPrice;
        CurrentUnitPriceVersion = productVersion;
        return true;
    }
}
