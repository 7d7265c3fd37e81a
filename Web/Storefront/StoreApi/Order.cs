namespace AspireMsa.Storefront.StoreApi;

public sealed record Order(Guid Id, string Status, DateTimeOffset CreatedAt, IReadOnlyList<OrderLine> Lines, IReadOnlyList<OrderStatusChange> History);
