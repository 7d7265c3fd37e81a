namespace AspireMsa.Storefront.StoreApi;

// The shapes the storefront reads from the gateway's API and BFF routes. Unknown fields are ignored, so a service may
// add fields freely; the storefront shares no code with the services, only their public JSON.

public sealed record ProductList(IReadOnlyList<Product> Items, int Page, int PageSize, long TotalCount)
{
    public int PageCount => PageSize <= 0 ? 0 : (int)((TotalCount + PageSize - 1) / PageSize);
}

public sealed record Product(Guid Id, string Sku, string Name, string Description, decimal Price, string Category, long Version, string? Slug = null);

public sealed record ProductDetails(Product Product, Availability Availability);

/// <summary><c>status</c> "unavailable" means the inventory could not answer (or may not be read), not sold out.</summary>
public sealed record Availability(string Status, int? OnHand = null, int? Reserved = null, int? Available = null)
{
    public bool IsKnown => string.Equals(Status, "available", StringComparison.Ordinal) && Available is not null;
}

public sealed record OrderSummary(Guid Id, string Status, DateTimeOffset CreatedAt, int LineCount);

public sealed record OrderList(IReadOnlyList<OrderSummary> Items, int Page, int PageSize, long TotalCount);

public sealed record OrderLineRequest(Guid ProductId, int Quantity);

public sealed record PlaceOrderRequest(IReadOnlyList<OrderLineRequest> Lines);

public sealed record OrderAccepted(Guid Id, string Status);

public sealed record OrderStatusChange(string Status, DateTimeOffset At, string? Reason);

public sealed record OrderLine(Guid ProductId, int Quantity);

public sealed record Order(Guid Id, string Status, DateTimeOffset CreatedAt, IReadOnlyList<OrderLine> Lines, IReadOnlyList<OrderStatusChange> History);

/// <summary><c>productStatus</c>: "available" (details present), "unknown" (no such product any more) or "unavailable".</summary>
public sealed record OrderDetailsLine(Guid ProductId, int Quantity, Product? Product, string ProductStatus);

public sealed record OrderDetails(Order Order, IReadOnlyList<OrderDetailsLine> Lines);
