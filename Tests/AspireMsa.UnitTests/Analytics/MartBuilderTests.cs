using AspireMsa.Analytics.Api.Grants;
using AspireMsa.Analytics.Api.Marts;

namespace AspireMsa.UnitTests.Analytics;

/// <summary>The seeded grants compiled into marts: one file per grant and per category, each holding only what it grants.</summary>
public sealed class MartBuilderTests : IDisposable
{
    private const string TablesSql = "SELECT table_name FROM information_schema.tables ORDER BY table_name";

    private readonly TestWarehouse _warehouse = new();

    [Fact]
    public async Task EachGrant_GetsAMartBesideTheWarehouse_AndTheCategoryGrantOnePerCategory()
    {
        await _warehouse.BuildAsync();

        var rows = await BuildMartsAsync();

        Assert.Equal(
            ["admin.duckdb", "analyst.duckdb", Path.Combine("category-manager", "category=Books.duckdb"), Path.Combine("category-manager", "category=Kitchen.duckdb")],
            Directory.GetFiles(_warehouse.Marts.Root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_warehouse.Marts.Root, f)).Order(StringComparer.Ordinal));
        // admin 3+3+2+2+2, analyst 2+3+2, Kitchen 2+2+2, Books 1+1+2.
        Assert.Equal(12 + 7 + 6 + 4, rows);
    }

    [Fact]
    public async Task ACategoryManagersMart_HoldsOnlyTheirCategory_AndNoCustomer()
    {
        await _warehouse.BuildAsync();
        await BuildMartsAsync();
        var kitchen = _warehouse.Marts.PathOf("category-manager", "category", "Kitchen");

        Assert.Equal(["Kitchen"], await TestWarehouse.QueryAsync(kitchen, "SELECT DISTINCT category FROM fact_order_lines UNION SELECT DISTINCT category FROM dim_product"));
        Assert.Equal(["order-1", "order-2"], await TestWarehouse.QueryAsync(kitchen, "SELECT order_id FROM fact_order_lines ORDER BY order_id"));
        Assert.Empty(await TestWarehouse.QueryAsync(kitchen, "SELECT column_name FROM information_schema.columns WHERE column_name = 'customer_key'"));
        Assert.Equal(["dim_date", "dim_product", "fact_order_lines", "mart_build"], await TestWarehouse.QueryAsync(kitchen, TablesSql));
        Assert.Equal(["category-manager|category|Kitchen"], await TestWarehouse.QueryAsync(kitchen, "SELECT role, claim, claim_value FROM mart_build"));
    }

    [Fact]
    public async Task TheAnalystsMart_HoldsAggregatesAndDimensions_ButNoRowThatNamesACustomerOrAnOrder()
    {
        await _warehouse.BuildAsync();
        await BuildMartsAsync();
        var analyst = _warehouse.Marts.PathOf("analyst", null, null);

        Assert.Equal(["dim_date", "dim_product", "mart_build", "sales_daily"], await TestWarehouse.QueryAsync(analyst, TablesSql));
        Assert.Empty(await TestWarehouse.QueryAsync(analyst, "SELECT column_name FROM information_schema.columns WHERE column_name IN ('order_id', 'customer_key')"));
        Assert.Equal(["2026-12-06|2|123.90"], await TestWarehouse.QueryAsync(analyst, "SELECT CAST(date AS VARCHAR), orders, revenue FROM sales_daily WHERE date = DATE '2026-12-06'"));
    }

    [Fact]
    public async Task ARebuild_ReplacesEachMart_AndDeletesTheMartOfACategoryThatIsGone()
    {
        await _warehouse.BuildAsync();
        await BuildMartsAsync();
        var books = _warehouse.Marts.PathOf("category-manager", "category", "Books");
        Assert.True(File.Exists(books));

        await _warehouse.BuildAsync(withBooks: false);
        await BuildMartsAsync();

        Assert.False(File.Exists(books));
        Assert.Equal(["2"], await TestWarehouse.QueryAsync(_warehouse.Marts.PathOf("admin", null, null), "SELECT count(*) FROM fact_order_lines"));
        Assert.Empty(Directory.GetFiles(_warehouse.Marts.Root, ".*", SearchOption.AllDirectories));
    }

    [Fact]
    public void AMartPath_EscapesTheCategory_AndNeverLeavesTheMartsFolder()
    {
        var path = _warehouse.Marts.PathOf("category-manager", "category", "../Coffee & Tea/x");

        Assert.Equal(Path.Combine(_warehouse.Marts.Root, "category-manager", "category=..%2FCoffee%20%26%20Tea%2Fx.duckdb"), path);
        Assert.Throws<ArgumentException>(() => _warehouse.Marts.PathOf("../../etc", null, null));
    }

    private Task<long> BuildMartsAsync() =>
        new MartBuilder(_warehouse.File, _warehouse.Marts).BuildAllAsync(DefaultGrants.All, Guid.NewGuid(), DateTimeOffset.UtcNow, CancellationToken.None);

    public void Dispose() => _warehouse.Dispose();
}
