namespace AspireMsa.Storefront.Admin;

/// <summary>
/// A service with a dead-letter queue and the admin path its dead-letter API lives under (the same paths the AppHost's
/// dashboard commands call). The catalog has no consumer queue, so it has no dead letters.
/// </summary>
public sealed record DeadLetterService(string Name, string Title, string AdminPrefix)
{
    public static readonly IReadOnlyList<DeadLetterService> All =
    [
        new("ordering", "Ordering", "/api/orders/admin"),
        new("inventory", "Inventory", "/api/inventory/admin"),
    ];

    public static DeadLetterService? Find(string name) =>
        All.FirstOrDefault(service => string.Equals(service.Name, name, StringComparison.Ordinal));
}
