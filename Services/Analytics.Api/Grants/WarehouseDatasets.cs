using AspireMsa.Analytics.Api.Warehouse;

namespace AspireMsa.Analytics.Api.Grants;

/// <summary>The warehouse's tables a grant may name, and for a detail table the aggregates an aggregate-only grant gets of it.</summary>
public static class WarehouseDatasets
{
    public const string FactOrderLines = StarSchema.Fact;
    public const string DimProduct = "dim_product";
    public const string DimCustomer = "dim_customer";
    public const string DimDate = "dim_date";
    public const string SalesDaily = "sales_daily";

    /// <summary>Each dataset with its aggregates: tables built from it whose rows sum many of its rows and name none of them.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Aggregates = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [FactOrderLines] = [SalesDaily],
        [DimProduct] = [],
        [DimCustomer] = [],
        [DimDate] = [],
        [SalesDaily] = [],
    };
}
