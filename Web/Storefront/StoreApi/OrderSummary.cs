namespace AspireMsa.Storefront.StoreApi;

public sealed record OrderSummary(Guid Id, string Status, DateTimeOffset CreatedAt, int LineCount);
