using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Parquet.Serialization;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// The <c>daily-sales</c> workflow on the real system: events landed from the broker are extracted into the lake, the
/// DuckDB warehouse is rebuilt from the lake and swapped in, and the sales-daily report reads it. Days in the past are
/// filled with events published straight to the analytics queue (as their publishers would), so their totals are exact.
/// </summary>
[Collection(SystemCollection.Name)]
public class DailySalesTests(SystemFixture system)
{
    private const string AnalyticsScopes = "openid profile roles analytics";
    private const string RunsPath = "/api/analytics/jobs/daily-sales/runs";
    private const string BackfillPath = "/api/analytics/jobs/daily-sales/backfill";

    private static readonly TimeSpan LandingDeadline = TimeSpan.FromSeconds(30);

    /// <summary>Two steps on a loaded machine, or a failed attempt and its retry (10 s, then Hangfire's 15 s schedule poll).</summary>
    private static readonly TimeSpan RunDeadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task AnOrderPlacedThroughTheGateway_FlowsThroughTheLakeIntoTheWarehouse_AndShowsInTheSalesDailyReport()
    {
        var admin = await system.GatewayAsAsync(DemoUserTokens.Admin, $"{AnalyticsScopes} catalog inventory ordering");
        var analyst = await system.GatewayAsAsync("ana", AnalyticsScopes);
        // A product whose price changes from 10.00 to 12.50 before alice orders two.
        using var created = await admin.PostAsJsonAsync("/api/catalog/products",
            new { name = $"Warehouse lamp {Guid.NewGuid():N}", description = "", price = 10.00m, category = "Lighting" });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var product = (await created.Content.ReadFromJsonAsync<ProductDto>())!;
        using var repriced = await admin.PutAsJsonAsync($"/api/catalog/products/{product.Id}",
            new { name = product.Name, description = "", price = 12.50m, category = product.Category, version = product.Version });
        Assert.True(repriced.StatusCode == HttpStatusCode.OK, await repriced.Content.ReadAsStringAsync());
        var saga = await OrderSagaDriver.ForAsync(system);
        await saga.SetStockAsync(product.Id, 5);
        var orderId = await saga.PlaceOrderAsync((product.Id, 2));
        Assert.Equal("Confirmed", (await saga.WaitForTerminalAsync(orderId)).Status);
        Assert.True(await Polling.UntilAsync(async () =>
            await LandedAsync("ProductPriceChanged", "productId", product.Id) && await LandedAsync("OrderStatusChanged", "orderId", orderId), LandingDeadline),
            $"The price change of {product.Id} or the confirmation of {orderId} did not land within {LandingDeadline}.");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var run = await RunToEndAsync(admin, await StartAsync(admin, today));

        Assert.Equal("Succeeded", run.State);
        Assert.All(run.Steps, step => Assert.Equal(("Succeeded", 1), (step.State, step.Attempts)));
        Assert.Equal(["extract", "warehouse", "marts"], run.Steps.Select(s => s.Name));
        Assert.Contains(orderId.ToString(), await LakeOrderIdsAsync(today));
        var line = Assert.Single(await WarehouseRowsAsync(
            "SELECT CAST(unit_price AS VARCHAR), CAST(line_total AS VARCHAR), order_status, category, customer_key FROM fact_order_lines WHERE order_id = $id",
            orderId.ToString()));
        Assert.Equal(["12.50", "25.00", "confirmed", "Lighting"], line[..4]);
        Assert.Matches("^[0-9a-f]{32}$", line[4]);
        // Named from the catalog's public API; priced as the catalog prices it now.
        Assert.Equal(
            [[product.Name, "Lighting", "12.50"]],
            await WarehouseRowsAsync("SELECT name, category, CAST(current_price AS VARCHAR) FROM dim_product WHERE product_id = $id", product.Id.ToString()));

        var report = await ReportAsync(analyst, today, today);
        Assert.Equal(run.Id, report.BuiltByRun);
        var day = Assert.Single(report.Days);
        // Other tests' orders share the day: the report holds exactly what the warehouse's facts of the day add up to.
        var totals = Assert.Single(await WarehouseRowsAsync(
            """
            SELECT count(DISTINCT order_id), CAST(coalesce(sum(quantity) FILTER (WHERE order_status <> 'cancelled'), 0) AS BIGINT),
                   CAST(CAST(coalesce(sum(line_total) FILTER (WHERE order_status <> 'cancelled'), 0) AS DECIMAL(18,2)) AS VARCHAR)
            FROM fact_order_lines WHERE date_key = CAST($id AS INTEGER)
            """,
            today.ToString("yyyyMMdd", CultureInfo.InvariantCulture)));
        string[] reported = [day.Orders.ToString(CultureInfo.InvariantCulture), day.Units.ToString(CultureInfo.InvariantCulture), day.Revenue.ToString("0.00", CultureInfo.InvariantCulture)];
        Assert.Equal(totals, reported);
        Assert.True(day.Revenue >= 25.00m && day.Units >= 2, $"The day's report {day} does not count the order's 2 units of 12.50.");
    }

    [Fact]
    public async Task ABackfill_StartsOneRunPerDay_WritingOnePartitionPerDay_AndTheReportCountsEachDay()
    {
        var admin = await system.GatewayAsAsync(DemoUserTokens.Admin, AnalyticsScopes);
        var from = PastDay(2011);
        var days = Enumerable.Range(0, 3).Select(from.AddDays).ToList();
        var orders = new Dictionary<DateOnly, Guid>();
        foreach (var day in days)
        {
            orders[day] = await PublishOrderAsync(day, 12, ("backfill-buyer", Guid.NewGuid(), 1));
        }

        await WaitForLandingAsync(orders.Values);

        using var started = await admin.PostAsJsonAsync(BackfillPath, new { from, to = days[^1] });

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var backfill = (await started.Content.ReadFromJsonAsync<BackfillDto>())!;
        Assert.Equal(days, backfill.Runs.Select(r => r.Day));
        Assert.Equal(3, backfill.Runs.Select(r => r.Id).Distinct().Count());
        foreach (var run in backfill.Runs)
        {
            Assert.Equal("Succeeded", (await RunToEndAsync(admin, run)).State);
        }

        foreach (var day in days)
        {
            Assert.Single(Directory.GetFiles(PartitionOf(day)));
            Assert.Equal([orders[day].ToString()], await LakeOrderIdsAsync(day));
        }

        var report = await ReportAsync(await system.GatewayAsAsync("ana", AnalyticsScopes), from, days[^1]);
        Assert.Equal(days, report.Days.Select(d => d.Date));
        Assert.All(report.Days, d => Assert.Equal((1, 1), (d.Orders, d.Units)));
    }

    [Fact]
    public async Task ReRunningADay_ReplacesIt_WithTheSameTotals_AndNoDuplicateRows()
    {
        var admin = await system.GatewayAsAsync(DemoUserTokens.Admin, AnalyticsScopes);
        var analyst = await system.GatewayAsAsync("ana", AnalyticsScopes);
        var day = PastDay(2012);
        var product = Guid.NewGuid();
        await PublishPriceChangeAsync(day, 8, product, 4.00m, 5.00m);
        var first = await PublishOrderAsync(day, 9, ("rerun-buyer-1", product, 2));
        var second = await PublishOrderAsync(day, 10, ("rerun-buyer-2", product, 3));
        await WaitForLandingAsync([first, second]);

        Assert.Equal("Succeeded", (await RunToEndAsync(admin, await StartAsync(admin, day))).State);
        var before = await ReportAsync(analyst, day, day);
        var rerun = await RunToEndAsync(admin, await StartAsync(admin, day));
        var after = await ReportAsync(analyst, day, day);

        Assert.Equal("Succeeded", rerun.State);
        Assert.Equal(rerun.Id, after.BuiltByRun);
        Assert.Equal(new SalesDayDto(day, 2, 0, 0, 5, 25.00m, 0), Assert.Single(after.Days));
        Assert.Equal(before.Days, after.Days);
        Assert.Single(Directory.GetFiles(PartitionOf(day)));
        Assert.Equal(
            [["2", "2"]],
            await WarehouseRowsAsync("SELECT count(*), count(DISTINCT order_id) FROM fact_order_lines WHERE date_key = CAST($id AS INTEGER)",
                day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task AWarehouseBuildThatFailsOnce_IsRetried_AndSucceeds_AndTheLastWarehouseServesMeanwhile()
    {
        var admin = await system.GatewayAsAsync(DemoUserTokens.Admin, AnalyticsScopes);
        var analyst = await system.GatewayAsAsync("ana", AnalyticsScopes);
        var day = PastDay(2013);
        await WaitForLandingAsync([await PublishOrderAsync(day, 15, ("retry-buyer", Guid.NewGuid(), 4))]);
        var last = await RunToEndAsync(admin, await StartAsync(admin, day));
        Assert.Equal("Succeeded", last.State);

        // The warehouse's build file cannot be written while a directory stands in its place: a real I/O failure.
        var obstacle = Path.Combine(system.LakeRoot, "warehouse", ".sales.duckdb.building");
        Directory.CreateDirectory(obstacle);
        RunDto run;
        try
        {
            run = await StartAsync(admin, day);
            Assert.True(await Polling.UntilAsync(async () =>
            {
                run = (await admin.GetFromJsonAsync<RunDto>($"{RunsPath}/{run.Id}"))!;
                return run.State is "Retrying" or "Failed" or "Succeeded";
            }, RunDeadline), $"Run {run.Id} is still {run.State} after {RunDeadline}.");
            Assert.Equal("Retrying", run.State);
            Assert.Equal(("Retrying", 1), (Step(run, "warehouse").State, Step(run, "warehouse").Attempts));
            Assert.StartsWith("warehouse:", run.Error, StringComparison.Ordinal);

            // The failed build left the last warehouse as it was, and the report still reads it.
            var meanwhile = await ReportAsync(analyst, day, day);
            Assert.Equal(last.Id, meanwhile.BuiltByRun);
        }
        finally
        {
            Directory.Delete(obstacle, recursive: true);
        }

        run = await RunToEndAsync(admin, run);

        Assert.Equal("Succeeded", run.State);
        Assert.Null(run.Error);
        Assert.Equal(2, run.Attempts);
        Assert.Equal(("Succeeded", 1), (Step(run, "extract").State, Step(run, "extract").Attempts));
        Assert.Equal(("Succeeded", 2), (Step(run, "warehouse").State, Step(run, "warehouse").Attempts));
        Assert.Equal(run.Id, (await ReportAsync(analyst, day, day)).BuiltByRun);
    }

    [Fact]
    public async Task WithoutAWarehouse_TheReportAnswers503ProblemDetails_AndTheLastOneServesAgainOnceBack()
    {
        var analyst = await system.GatewayAsAsync("ana", AnalyticsScopes);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var current = Path.Combine(system.LakeRoot, "warehouse", "sales.duckdb");
        var aside = current + ".aside";
        var existed = File.Exists(current);
        if (existed)
        {
            File.Move(current, aside);
        }

        try
        {
            var problem = await Problems.AssertAsync(await analyst.GetAsync(ReportPath(today, today)), HttpStatusCode.ServiceUnavailable);
            Assert.Contains("daily-sales", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            if (existed)
            {
                File.Move(aside, current);
            }
        }

        if (existed)
        {
            Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync(ReportPath(today, today))).StatusCode);
        }
    }

    [Fact]
    public async Task BadRangesAndRoles_AreRefusedWithProblemDetails()
    {
        var admin = await system.GatewayAsAsync(DemoUserTokens.Admin, AnalyticsScopes);
        var analyst = await system.GatewayAsAsync("ana", AnalyticsScopes);
        var customer = await system.GatewayAsAsync("alice", AnalyticsScopes);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var reversed = await Problems.AssertAsync(await admin.PostAsJsonAsync(BackfillPath, new { from = today, to = today.AddDays(-1) }), HttpStatusCode.BadRequest);
        var tooLong = await Problems.AssertAsync(await admin.PostAsJsonAsync(BackfillPath, new { from = today.AddDays(-31), to = today }), HttpStatusCode.BadRequest);
        var future = await Problems.AssertAsync(await admin.PostAsJsonAsync(BackfillPath, new { from = today, to = today.AddDays(1) }), HttpStatusCode.BadRequest);
        var reversedReport = await Problems.AssertAsync(await analyst.GetAsync(ReportPath(today, today.AddDays(-1))), HttpStatusCode.BadRequest);

        Assert.True(reversed.GetProperty("errors").TryGetProperty("from", out _));
        Assert.Contains("at most 31", tooLong.GetProperty("errors").GetProperty("to")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("future", future.GetProperty("errors").GetProperty("to")[0].GetString(), StringComparison.Ordinal);
        Assert.True(reversedReport.GetProperty("errors").TryGetProperty("from", out _));
        await Problems.AssertAsync(await admin.GetAsync($"/api/analytics/reports/sales-daily?from=not-a-day&to={today:O}"), HttpStatusCode.BadRequest);
        await Problems.AssertAsync(await analyst.PostAsJsonAsync(BackfillPath, new { from = today, to = today }), HttpStatusCode.Forbidden);
        await Problems.AssertAsync(await customer.GetAsync(ReportPath(today, today)), HttpStatusCode.Forbidden);
        await Problems.AssertAsync(await admin.PostAsJsonAsync("/api/analytics/jobs/no-such-job/backfill", new { from = today, to = today }), HttpStatusCode.NotFound);
    }

    /// <summary>A day of its own for each test, far in the past where no order of the running system falls.</summary>
    private static DateOnly PastDay(int year) => new DateOnly(year, 1, 1).AddDays(Random.Shared.Next(0, 360));

    private static string ReportPath(DateOnly from, DateOnly to) => $"/api/analytics/reports/sales-daily?from={from:O}&to={to:O}";

    private string PartitionOf(DateOnly day) =>
        Path.Combine(system.LakeRoot, "raw", "order_placed", string.Create(CultureInfo.InvariantCulture, $"dt={day:yyyy-MM-dd}"));

    private static async Task<RunDto> StartAsync(HttpClient admin, DateOnly day)
    {
        using var started = await admin.PostAsJsonAsync(RunsPath, new { day });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var run = (await started.Content.ReadFromJsonAsync<RunDto>())!;
        // Every step has its row in the history from the start.
        Assert.Equal([("extract", "Enqueued"), ("warehouse", "Enqueued"), ("marts", "Enqueued")], run.Steps.Select(s => (s.Name, s.State)));
        return run;
    }

    /// <summary>Polls the run until it succeeded or failed for good; fails with its last state when the deadline passes.</summary>
    private static async Task<RunDto> RunToEndAsync(HttpClient admin, RunDto run)
    {
        var ended = await Polling.UntilAsync(async () =>
        {
            run = (await admin.GetFromJsonAsync<RunDto>($"{RunsPath}/{run.Id}"))!;
            return run.State is "Succeeded" or "Failed";
        }, RunDeadline);
        Assert.True(ended, $"Run {run.Id} is {run.State} after {RunDeadline}: {run.Error}");
        return run;
    }

    private static StepDto Step(RunDto run, string name) => run.Steps.Single(s => s.Name == name);

    private static async Task<ReportDto> ReportAsync(HttpClient reader, DateOnly from, DateOnly to)
    {
        using var response = await reader.GetAsync(ReportPath(from, to));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ReportDto>())!;
    }

    /// <summary>The current warehouse opened read-only from outside the service, as any analyst's DuckDB can.</summary>
    private async Task<List<string[]>> WarehouseRowsAsync(string sql, string id)
    {
        var builder = new DuckDBConnectionStringBuilder { DataSource = Path.Combine(system.LakeRoot, "warehouse", "sales.duckdb") };
        builder["ACCESS_MODE"] = "READ_ONLY";
        await using var connection = new DuckDBConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add(new DuckDBParameter("id", id));
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!)]);
        }

        return rows;
    }

    private async Task<List<string>> LakeOrderIdsAsync(DateOnly day)
    {
        var ids = new List<string>();
        foreach (var file in Directory.GetFiles(PartitionOf(day), "part-*.parquet"))
        {
            await using var stream = File.OpenRead(file);
            ids.AddRange((await ParquetSerializer.DeserializeUntypedAsync(stream)).Data.Select(row => (string)row["order_id"]));
        }

        return ids;
    }

    /// <summary>Publishes an <c>OrderPlaced</c> that occurred at the hour of the day, as Ordering would; returns the order's id.</summary>
    private async Task<Guid> PublishOrderAsync(DateOnly day, int hour, (string Buyer, Guid Product, int Quantity) line)
    {
        var orderId = Guid.NewGuid();
        var body = $$"""{"id":"{{Guid.NewGuid()}}","occurredAt":"{{At(day, hour):O}}","orderId":"{{orderId}}","buyerId":"{{line.Buyer}}","lines":[{"productId":"{{line.Product}}","quantity":{{line.Quantity}}}]}""";
        await PublishAsync("OrderPlaced", "ordering", orderId, body);
        return orderId;
    }

    private async Task PublishPriceChangeAsync(DateOnly day, int hour, Guid productId, decimal oldPrice, decimal newPrice)
    {
        var body = string.Create(CultureInfo.InvariantCulture,
            $$"""{"id":"{{Guid.NewGuid()}}","occurredAt":"{{At(day, hour):O}}","productId":"{{productId}}","oldPrice":{{oldPrice}},"newPrice":{{newPrice}},"version":2}""");
        await PublishAsync("ProductPriceChanged", "catalog", productId, body);
        Assert.True(await Polling.UntilAsync(() => LandedAsync("ProductPriceChanged", "productId", productId), LandingDeadline),
            $"The price change of {productId} did not land within {LandingDeadline}.");
    }

    private async Task PublishAsync(string type, string source, Guid aggregateId, string body) =>
        await MessagingBroker.PublishAsync(system.App, string.Empty, "analytics",
            MessagingBroker.Properties(Guid.NewGuid(), type, source, new Dictionary<string, object?> { ["x-aggregate-id"] = aggregateId.ToString(), ["x-sequence"] = 1L }),
            Encoding.UTF8.GetBytes(body));

    private async Task WaitForLandingAsync(IEnumerable<Guid> orderIds)
    {
        foreach (var orderId in orderIds)
        {
            Assert.True(await Polling.UntilAsync(() => LandedAsync("OrderPlaced", "orderId", orderId), LandingDeadline),
                $"OrderPlaced of order {orderId} did not land within {LandingDeadline}.");
        }
    }

    private async Task<bool> LandedAsync(string eventType, string idField, Guid id)
    {
        await using var db = await system.OpenDatabaseAsync("analyticsdb");
        await using var command = db.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM landed_events WHERE event_type = @type AND payload->>'{idField}' = @id";
        command.Parameters.AddWithValue("type", eventType);
        command.Parameters.AddWithValue("id", id.ToString());
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    private sealed record StepDto(string Name, string State, int Attempts, long Rows, double DurationMs);

    private sealed record RunDto(Guid Id, string Job, DateOnly Day, string State, int Attempts, string? Error, List<StepDto> Steps);

    private sealed record BackfillDto(string Job, DateOnly From, DateOnly To, List<RunDto> Runs);

    private sealed record SalesDayDto(DateOnly Date, long Orders, long ConfirmedOrders, long CancelledOrders, long Units, decimal Revenue, long UnpricedLines);

    private sealed record ReportDto(DateOnly From, DateOnly To, Guid BuiltByRun, DateTimeOffset BuiltAt, List<SalesDayDto> Days);
}
