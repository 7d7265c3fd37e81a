namespace AspireMsa.Storefront.StoreApi;

public sealed record OrderList(IReadOnlyList<OrderSummary> Items, int Page, int PageSize, long TotalCount);
