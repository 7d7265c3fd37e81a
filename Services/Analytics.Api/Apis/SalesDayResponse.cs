namespace AspireMsa.Analytics.Api.Apis;

/// <summary>
/// One day of <c>sales_daily</c>. <paramref name="Units"/> and <paramref name="Revenue"/> count the orders not cancelled;
/// <paramref name="UnpricedLines"/> are lines whose price the lake does not know yet, left out of the revenue.
/// </summary>
public sealed record SalesDayResponse(
    DateOnly Date, long Orders, long ConfirmedOrders, long CancelledOrders, long Units, decimal Revenue, long UnpricedLines);
