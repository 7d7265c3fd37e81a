using AspireMsa.Analytics.Api.Grants;

namespace AspireMsa.UnitTests.Analytics;

/// <summary>The grant table compiled against the warehouse's columns: what each role's mart holds, and the grants refused.</summary>
public class GrantCompilerTests
{
    private static readonly Dictionary<string, IReadOnlyList<string>> Warehouse = new(StringComparer.Ordinal)
    {
        ["fact_order_lines"] = ["order_id", "line_number", "product_id", "category", "quantity", "unit_price", "line_total", "order_status", "date_key", "customer_key", "placed_at"],
        ["dim_product"] = ["product_id", "name", "category", "current_price", "price_changed_at"],
        ["dim_customer"] = ["customer_key", "first_order_date", "orders"],
        ["dim_date"] = ["date_key", "date", "year"],
        ["sales_daily"] = ["date", "orders", "units", "revenue"],
        ["warehouse_build"] = ["run_id", "built_at", "fact_rows"],
    };

    [Fact]
    public void TheSeededGrants_GiveAdminEveryDataset_WholeAndUnfiltered()
    {
        var admin = Plan("admin");

        Assert.Null(admin.RowFilterClaim);
        Assert.Equal(["fact_order_lines", "dim_product", "dim_customer", "dim_date", "sales_daily"], admin.Tables.Select(t => t.Name));
        Assert.All(admin.Tables, t =>
        {
            Assert.Equal(Warehouse[t.Source], t.Columns);
            Assert.Null(t.FilterColumn);
        });
    }

    [Fact]
    public void TheSeededGrants_GiveTheAnalyst_OrderLinesOnlyAsAggregates_AndNoTableThatNamesACustomerOrAnOrder()
    {
        var analyst = Plan("analyst");

        Assert.Equal(["sales_daily", "dim_product", "dim_date"], analyst.Tables.Select(t => t.Name));
        Assert.DoesNotContain(analyst.Tables.SelectMany(t => t.Columns), c => c is "order_id" or "customer_key");
    }

    [Fact]
    public void TheSeededGrants_GiveACategoryManager_OrderLinesAndProductsOfTheirCategory_WithoutTheCustomer()
    {
        var manager = Plan("category-manager");

        Assert.Equal("category", manager.RowFilterClaim);
        var lines = manager.Tables.Single(t => t.Name == "fact_order_lines");
        Assert.Equal("category", lines.FilterColumn);
        Assert.Contains("category", lines.Columns);
        Assert.DoesNotContain("customer_key", lines.Columns);
        Assert.Equal("category", manager.Tables.Single(t => t.Name == "dim_product").FilterColumn);
        Assert.Null(manager.Tables.Single(t => t.Name == "dim_date").FilterColumn);
        Assert.Equal(["fact_order_lines", "dim_product"], manager.FilteredTables.Select(t => t.Name));
    }

    [Theory]
    [InlineData("no_such_table", null, null, null, false, "no dataset 'no_such_table'")]
    [InlineData("fact_order_lines", null, null, "order_id,buyer_id", false, "no column 'buyer_id'")]
    [InlineData("fact_order_lines", "region", "region", null, false, "no column 'region'")]
    [InlineData("fact_order_lines", "category", null, null, false, "both its column and its claim")]
    [InlineData("fact_order_lines", null, null, "order_id", true, "without a row filter or columns")]
    [InlineData("dim_customer", null, null, null, true, "has no aggregates")]
    [InlineData("fact_order_lines", null, null, "", false, "grants no column")]
    public void AGrantTheWarehouseCannotHonour_FailsTheCompile(string dataset, string? filterColumn, string? claim, string? columns, bool aggregateOnly, string why)
    {
        var grant = new DatasetGrant(1, "tester", dataset, filterColumn, claim, columns?.Split(',', StringSplitOptions.RemoveEmptyEntries), aggregateOnly);

        var error = Assert.Throws<InvalidDataException>(() => GrantCompiler.Compile([grant], Warehouse));

        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.Contains("Grant 1 (tester on " + dataset + ")", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARoleFilteredByTwoClaims_OrGrantedATableTwice_OrNamedUnsafely_FailsTheCompile()
    {
        DatasetGrant[] twoClaims = [new(1, "r", "fact_order_lines", "category", "category"), new(2, "r", "dim_product", "product_id", "product")];
        DatasetGrant[] twice = [new(1, "r", "fact_order_lines", aggregateOnly: true), new(2, "r", "sales_daily")];
        DatasetGrant[] unsafeName = [new(1, "../admin", "sales_daily")];

        Assert.Contains("several claims", Assert.Throws<InvalidDataException>(() => GrantCompiler.Compile(twoClaims, Warehouse)).Message, StringComparison.Ordinal);
        Assert.Contains("'sales_daily' more than once", Assert.Throws<InvalidDataException>(() => GrantCompiler.Compile(twice, Warehouse)).Message, StringComparison.Ordinal);
        Assert.Contains("not lower-case letters", Assert.Throws<InvalidDataException>(() => GrantCompiler.Compile(unsafeName, Warehouse)).Message, StringComparison.Ordinal);
    }

    private static MartPlan Plan(string role) => GrantCompiler.Compile(DefaultGrants.All, Warehouse).Single(p => p.Role == role);
}
