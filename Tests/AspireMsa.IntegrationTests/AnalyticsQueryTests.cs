using System.Text.Json;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// <c>POST /api/analytics/query</c> on the real system, through the gateway: each role queries its own mart, compiled
/// from the grant table by <c>daily-sales</c> (the grant matrix: role × dataset × probe); every sandbox escape is refused
/// with its reason; a long query is interrupted at the time limit; every query is audited in analyticsdb.
/// </summary>
[Collection(SystemCollection.Name)]
public class AnalyticsQueryTests(SystemFixture system)
{
    private const string AnalyticsScopes = "openid profile roles analytics";
    private const string QueryPath = "/api/analytics/query";
    private const string CarolsCategory = "Kitchen";

    private static readonly TimeSpan LandingDeadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RunDeadline = TimeSpan.FromSeconds(150);
    private static readonly SemaphoreSlim SeedOnce = new(1, 1);
    private static Seeded? s_seeded;

    [Theory]
    [InlineData("admin", "SELECT count(*) FROM dim_customer", HttpStatusCode.OK)]
    [InlineData("admin", "SELECT customer_key FROM fact_order_lines", HttpStatusCode.OK)]
    [InlineData("admin", "SELECT sum(orders) FROM sales_daily", HttpStatusCode.OK)]
    [InlineData("ana", "SELECT sum(orders), sum(revenue) FROM sales_daily", HttpStatusCode.OK)]
    [InlineData("ana", "SELECT name, category FROM dim_product", HttpStatusCode.OK)]
    [InlineData("ana", "SELECT * FROM fact_order_lines", HttpStatusCode.BadRequest, "Table with name fact_order_lines does not exist")]
    [InlineData("ana", "SELECT * FROM dim_customer", HttpStatusCode.BadRequest, "Table with name dim_customer does not exist")]
    [InlineData("carol", "SELECT order_id, category, quantity FROM fact_order_lines", HttpStatusCode.OK)]
    [InlineData("carol", "SELECT name FROM dim_product", HttpStatusCode.OK)]
    [InlineData("carol", "SELECT customer_key FROM fact_order_lines", HttpStatusCode.BadRequest, "column \"customer_key\" not found")]
    [InlineData("carol", "SELECT * FROM dim_customer", HttpStatusCode.BadRequest, "Table with name dim_customer does not exist")]
    [InlineData("carol", "SELECT * FROM sales_daily", HttpStatusCode.BadRequest, "Table with name sales_daily does not exist")]
    public async Task TheGrantMatrix_GivesEachRoleOnlyItsDatasetsAndColumns(string user, string sql, HttpStatusCode expected, string? why = null)
    {
        await SeedAsync();

        using var response = await QueryAsync(user, sql);

        if (expected == HttpStatusCode.OK)
        {
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
        else
        {
            var problem = await Problems.AssertAsync(response, expected);
            Assert.Equal("Query failed", problem.GetProperty("title").GetString());
            // DuckDB names what the mart lacks: the table or the column the grant left out.
            Assert.Contains(why!, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Carol_SeesOrderLinesOfExactlyHerCategory_WithACategoryColumn_AndNoCustomer()
    {
        var seeded = await SeedAsync();

        var categories = await RowsAsync("carol", "SELECT DISTINCT category FROM fact_order_lines UNION SELECT DISTINCT category FROM dim_product");
        var orders = await RowsAsync("carol", "SELECT DISTINCT order_id FROM fact_order_lines");
        var all = await ResultAsync("carol", "SELECT * FROM fact_order_lines LIMIT 1");

        Assert.Equal([CarolsCategory], categories.Select(r => r[0].GetString()));
        Assert.Contains(seeded.KitchenOrder.ToString(), orders.Select(r => r[0].GetString()));
        Assert.DoesNotContain(seeded.GardenOrder.ToString(), orders.Select(r => r[0].GetString()));
        var columns = all.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("category", columns);
        Assert.DoesNotContain("customer_key", columns);
    }

    [Fact]
    public async Task TheAdmin_SeesEveryCategorysOrders_AndTheAnalyst_NoColumnThatNamesACustomerOrAnOrder()
    {
        var seeded = await SeedAsync();

        var adminOrders = await RowsAsync("admin", $"SELECT DISTINCT order_id FROM fact_order_lines WHERE order_id IN ('{seeded.KitchenOrder}', '{seeded.GardenOrder}')");
        var analystIdentifying = await RowsAsync("ana", "SELECT table_name, column_name FROM information_schema.columns WHERE column_name IN ('order_id', 'customer_key', 'buyer_id')");
        var analystTables = await RowsAsync("ana", "SELECT table_name FROM information_schema.tables ORDER BY table_name");

        Assert.Equal(2, adminOrders.Count);
        Assert.Empty(analystIdentifying);
        Assert.Equal(["dim_date", "dim_product", "mart_build", "sales_daily"], analystTables.Select(r => r[0].GetString()));
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("bob")]
    public async Task ACustomer_IsForbidden(string user)
    {
        await Problems.AssertAsync(await QueryAsync(user, "SELECT 1"), HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("SELECT * FROM read_csv('/etc/passwd')")]
    [InlineData("SELECT * FROM '/etc/passwd'")]
    [InlineData("SELECT * FROM read_parquet('/tmp/*.parquet')")]
    [InlineData("SELECT * FROM glob('/*')")]
    [InlineData("SELECT getenv('HOME')")]
    [InlineData("COPY (SELECT 1) TO '/tmp/escape.csv'")]
    [InlineData("ATTACH '/tmp/escape.duckdb' AS escape")]
    [InlineData("INSTALL httpfs")]
    [InlineData("LOAD httpfs")]
    [InlineData("SET memory_limit = '64GB'")]
    [InlineData("PRAGMA threads = 64")]
    [InlineData("SELECT 1; SELECT 2")]
    [InlineData("DROP TABLE sales_daily")]
    public async Task EverySandboxEscape_IsRefusedWith400ProblemDetailsSayingWhy(string sql)
    {
        await SeedAsync();

        var problem = await Problems.AssertAsync(await QueryAsync("ana", sql), HttpStatusCode.BadRequest);

        Assert.Equal("Query refused", problem.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task AQueryThatWouldRunLong_IsInterruptedAtTheTimeLimit_AndAnsweredAsAProblem()
    {
        await SeedAsync();

        var problem = await Problems.AssertAsync(
            await QueryAsync("ana", "SELECT count(*) FROM range(1000000000) a, range(1000000000) b"), HttpStatusCode.BadRequest);

        Assert.Equal("Query timed out", problem.GetProperty("title").GetString());
        Assert.Contains("interrupted", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RowsPastTheRowLimit_AreCut_AndTheResultSaysItWasTruncated()
    {
        await SeedAsync();

        var result = await ResultAsync("ana", "SELECT range AS n FROM range(5000)");

        Assert.Equal(1000, result.GetProperty("rows").GetArrayLength());
        Assert.True(result.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task EveryQuery_IsAudited_WithWhoItsGrantTheSqlRowsDurationAndOutcome()
    {
        await SeedAsync();
        var marker = $"audit-{Guid.NewGuid():N}";

        await ResultAsync("ana", $"SELECT '{marker}' AS marker FROM range(3)");
        await Problems.AssertAsync(await QueryAsync("carol", $"COPY (SELECT '{marker}') TO '/tmp/{marker}.csv'"), HttpStatusCode.BadRequest);

        await using var db = await system.OpenDatabaseAsync("analyticsdb");
        await using var command = db.CreateCommand();
        command.CommandText = """
            SELECT user_name, role, coalesce(claim_value, ''), outcome, rows, duration > interval '0', coalesce(reason, ''), subject <> ''
            FROM query_audits WHERE sql LIKE '%' || @marker || '%' ORDER BY id
            """;
        command.Parameters.AddWithValue("marker", marker);
        var audits = new List<object[]>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var row = new object[reader.FieldCount];
                reader.GetValues(row);
                audits.Add(row);
            }
        }

        Assert.Equal(2, audits.Count);
        Assert.Equal(["ana", "analyst", "", "Succeeded", 3, true, "", true], audits[0]);
        Assert.Equal(["carol", "category-manager", CarolsCategory, "Refused", 0, true], audits[1][..6]);
        Assert.Contains("COPY", (string)audits[1][6], StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> QueryAsync(string user, string sql) =>
        await (await system.GatewayAsAsync(user, AnalyticsScopes)).PostAsJsonAsync(QueryPath, new { sql });

    private async Task<JsonElement> ResultAsync(string user, string sql)
    {
        using var response = await QueryAsync(user, sql);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{user}: {sql} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<List<JsonElement[]>> RowsAsync(string user, string sql) =>
        [.. (await ResultAsync(user, sql)).GetProperty("rows").EnumerateArray().Select(row => row.EnumerateArray().ToArray())];

    /// <summary>
    /// Once per system: an order of a Kitchen product and one of another category, landed, then a <c>daily-sales</c> run of
    /// today, whose marts step compiles the grants into the marts these tests query.
    /// </summary>
    private async Task<Seeded> SeedAsync()
    {
        await SeedOnce.WaitAsync();
        try
        {
            return s_seeded ??= await PlaceOrdersAndBuildMartsAsync();
        }
        finally
        {
            SeedOnce.Release();
        }
    }

    private async Task<Seeded> PlaceOrdersAndBuildMartsAsync()
    {
        var saga = await OrderSagaDriver.ForAsync(system);
        var kitchen = await CreateProductAsync(saga.Admin, CarolsCategory);
        var garden = await CreateProductAsync(saga.Admin, $"Garden {Guid.NewGuid():N}");
        var kitchenOrder = await saga.PlaceOrderAsync((kitchen, 1));
        var gardenOrder = await saga.PlaceOrderAsync((garden, 1));
        await saga.WaitForTerminalAsync(kitchenOrder);
        await saga.WaitForTerminalAsync(gardenOrder);
        await using (var db = await system.OpenDatabaseAsync("analyticsdb"))
        {
            foreach (var order in new[] { kitchenOrder, gardenOrder })
            {
                Assert.True(await Polling.UntilAsync(async () =>
                {
                    await using var command = db.CreateCommand();
                    command.CommandText = "SELECT count(*) FROM landed_events WHERE event_type = 'OrderPlaced' AND payload->>'orderId' = @id";
                    command.Parameters.AddWithValue("id", order.ToString());
                    return (long)(await command.ExecuteScalarAsync())! > 0;
                }, LandingDeadline), $"OrderPlaced of order {order} did not land within {LandingDeadline}.");
            }
        }

        var admin = await system.GatewayAsAsync(DemoUserTokens.Admin, AnalyticsScopes);
        using var started = await admin.PostAsJsonAsync("/api/analytics/jobs/daily-sales/runs", new { });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var location = started.Headers.Location!;
        var state = string.Empty;
        Assert.True(await Polling.UntilAsync(async () =>
        {
            state = (await admin.GetFromJsonAsync<JsonElement>(location)).GetProperty("state").GetString()!;
            return state is "Succeeded" or "Failed";
        }, RunDeadline), $"The daily-sales run {location} is {state} after {RunDeadline}.");
        Assert.Equal("Succeeded", state);
        return new Seeded(kitchenOrder, gardenOrder);
    }

    private async Task<Guid> CreateProductAsync(HttpClient admin, string category)
    {
        using var created = await admin.PostAsJsonAsync("/api/catalog/products",
            new { name = $"Grant probe {Guid.NewGuid():N}", description = "", price = 5.00m, category });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var product = (await created.Content.ReadFromJsonAsync<ProductDto>())!;
        await (await OrderSagaDriver.ForAsync(system)).SetStockAsync(product.Id, 5);
        return product.Id;
    }

    private sealed record Seeded(Guid KitchenOrder, Guid GardenOrder);
}
