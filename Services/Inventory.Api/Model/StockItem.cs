namespace AspireMsa.Inventory.Api.Model;

/// <summary>
/// The stock of one product: <see cref="OnHand"/> units on the shelf, <see cref="Reserved"/> of them promised to orders.
/// <see cref="Version"/> grows by one on every change.
/// </summary>
public sealed class StockItem
{
    public Guid ProductId { get; init; }

    public int OnHand { get; private set; }

    public int Reserved { get; private set; }

    public int Available => OnHand - Reserved;

    public long Version { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static StockItem Create(Guid productId, DateTimeOffset now) => new() { ProductId = productId, UpdatedAt = now };

    /// <summary>Sets the count after a stock take; refuses, returning false, to go below what orders already hold.</summary>
    public bool TrySetOnHand(int quantity, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quantity, StockRules.MaxOnHand);
        if (quantity < Reserved)
        {
            return false;
        }

        OnHand = quantity;
        Version++;
        UpdatedAt = now;
        return true;
    }

    /// <summary>Promises <paramref name="quantity"/> units to an order; refuses, returning false, what is not available.</summary>
    public bool TryReserve(int quantity, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        if (quantity > Available)
        {
            return false;
        }

        Reserved += quantity;
        Version++;
        UpdatedAt = now;
        return true;
    }

    /// <summary>Gives back units an order no longer needs.</summary>
    public void Release(int quantity, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quantity, Reserved);
        Reserved -= quantity;
        Version++;
        UpdatedAt = now;
    }
}
