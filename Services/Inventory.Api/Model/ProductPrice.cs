namespace AspireMsa.Inventory.Api.Model;

/// <summary>
/// A product's unit price as Catalog last announced it, to value the stock on hand. <see cref="ProductVersion"/> is the
/// catalog version the price came with: an announcement of an older version never replaces it.
/// </summary>
public sealed class ProductPrice
{
    public Guid ProductId { get; init; }

    public decimal UnitPrice { get; private set; }

    public long ProductVersion { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>No price known yet: any announced version is newer.</summary>
    public static ProductPrice Create(Guid productId) => new() { ProductId = productId };

    /// <summary>Takes the price announced at <paramref name="productVersion"/>; refuses, returning false, one older than the price held.</summary>
    public bool TryApply(decimal unitPrice, long productVersion, DateTimeOffset now)
    {
        if (productVersion <= ProductVersion)
        {
            return false;
        }

        UnitPrice = unitPrice;
        ProductVersion = productVersion;
        UpdatedAt = now;
        return true;
    }
}
