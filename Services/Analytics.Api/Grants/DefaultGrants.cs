namespace AspireMsa.Analytics.Api.Grants;

/// <summary>
/// The grants the migration seeds: admin everything; the analyst aggregates and the dimensions that name no customer and
/// no order; a category manager the order lines and products of their own category, without the customer.
/// </summary>
public static class DefaultGrants
{
    public const string Admin = "admin";
    public const string Analyst = "analyst";
    public const string CategoryManager = "category-manager";
    public const string CategoryClaim = "category";

    /// <summary>Every column of <c>fact_order_lines</c> but the customer's key.</summary>
    private static readonly string[] OrderLinesWithoutCustomer =
        ["order_id", "line_number", "product_id", "category", "quantity", "unit_price", "line_total", "order_status", "date_key", "placed_at"];

    public static IReadOnlyList<DatasetGrant> All { get; } =
    [
        new(1, Admin, WarehouseDatasets.FactOrderLines),
        new(2, Admin, WarehouseDatasets.DimProduct),
        new(3, Admin, WarehouseDatasets.DimCustomer),
        new(4, Admin, WarehouseDatasets.DimDate),
        new(5, Admin, WarehouseDatasets.SalesDaily),
        new(6, Analyst, WarehouseDatasets.FactOrderLines, aggregateOnly: true),
        new(7, Analyst, WarehouseDatasets.DimProduct),
        new(8, Analyst, WarehouseDatasets.DimDate),
        new(9, CategoryManager, WarehouseDatasets.FactOrderLines, "category", CategoryClaim, OrderLinesWithoutCustomer),
        new(10, CategoryManager, WarehouseDatasets.DimProduct, "category", CategoryClaim),
        new(11, CategoryManager, WarehouseDatasets.DimDate),
    ];
}
