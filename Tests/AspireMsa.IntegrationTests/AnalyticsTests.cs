using System.Globalization;
using System.Text;
using Parquet.Serialization;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// Analytics on the real system: an order placed through the gateway lands in analyticsdb through the event bus, the
/// <c>lake-extract</c> job compacts its day into a Parquet partition, a re-run replaces that partition, and the run history
/// is open to admins and analysts only.
/// </summary>
[Collection(SystemCollection.Name)]
public class AnalyticsTests(SystemFixture system)
{
    private const string AnalyticsScopes = "openid profile roles analytics";
    private const string RunsPath = "/api/analytics/jobs/lake-extract/runs";

    private static readonly TimeSpan LandingDeadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RunDeadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task AnOrderPlacedThroughTheGateway_LandsOnce_AndReachesTheLake_AndARerunReplacesItsDay()
    {
        var saga = await OrderSagaDriver.ForAsync(system);
        var productId = Guid.NewGuid();
        await saga.SetStockAsync(productId, 3);
        var orderId = await saga.PlaceOrderAsync((productId, 1));
        await saga.WaitForTerminalAsync(orderId);

        DateTime? occurredAt = null;
        Assert.True(await Polling.UntilAsync(async () => (occurredAt = await LandedAtAsync(orderId)) is not null, LandingDeadline),
            $"OrderPlaced of order {orderId} did not land in analyticsdb within {LandingDeadline}.");
        var day = DateOnly.FromDateTime(occurredAt!.Value);
        var admin = await system.GatewayAsAsync(DemoUserTokens.Admin, AnalyticsScopes);

        var first = await RunToSuccessAsync(admin, day);
        var partition = Path.Combine(system.LakeRoot, "raw", "order_placed", string.Create(CultureInfo.InvariantCulture, $"dt={day:yyyy-MM-dd}"));
        var firstFile = Assert.Single(Directory.GetFiles(partition));
        var firstRows = await OrderIdsAsync(firstFile);
        Assert.Contains(orderId.ToString(), firstRows);
        Assert.Equal(StepRows(first, "order_placed"), firstRows.Count);

        var rerun = await RunToSuccessAsync(admin, day);
        var rerunFile = Assert.Single(Directory.GetFiles(partition));
        Assert.NotEqual(firstFile, rerunFile);
        var rerunRows = await OrderIdsAsync(rerunFile);
        Assert.Equal(StepRows(rerun, "order_placed"), rerunRows.Count);
        // Orders other tests placed meanwhile may join the day; none of the first run's rows is written twice.
        Assert.Equal(rerunRows.Count, rerunRows.Distinct().Count());
        Assert.Subset(rerunRows.ToHashSet(), firstRows.ToHashSet());
    }

    [Fact]
    public async Task AnEventArrivingAfterANewerOneOfItsOrder_StillLands_AndTheSameEventInAnotherMessageLandsOnce()
    {
        var orderId = Guid.NewGuid();
        var placedId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var placed = $$"""{"id":"{{placedId}}","occurredAt":"{{now:O}}","orderId":"{{orderId}}","buyerId":"analytics-test","lines":[{"productId":"{{Guid.NewGuid()}}","quantity":1}]}""";
        var confirmed = $$"""{"id":"{{Guid.NewGuid()}}","occurredAt":"{{now.AddSeconds(1):O}}","orderId":"{{orderId}}","buyerId":"analytics-test","status":"Confirmed","reason":"Stock reserved"}""";
        var replayMessageId = Guid.NewGuid();

        // The order's second event lands first (its first one was retried), then the first arrives, and again in a new message.
        await PublishToAnalyticsAsync(Guid.NewGuid(), "OrderStatusChanged", orderId, 2, confirmed);
        Assert.True(await Polling.UntilAsync(async () =>
            await CountAsync("SELECT count(*) FROM landed_events WHERE payload->>'orderId' = @id", orderId.ToString()) == 1, LandingDeadline));
        await PublishToAnalyticsAsync(Guid.NewGuid(), "OrderPlaced", orderId, 1, placed);
        await PublishToAnalyticsAsync(replayMessageId, "OrderPlaced", orderId, 1, placed);

        Assert.True(await Polling.UntilAsync(async () =>
            await CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id::text = @id", replayMessageId.ToString()) == 1
            && await CountAsync("SELECT count(*) FROM landed_events WHERE payload->>'orderId' = @id", orderId.ToString()) == 2, LandingDeadline),
            $"Both events of order {orderId} did not land within {LandingDeadline}.");
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM landed_events WHERE event_id::text = @id", placedId.ToString()));
    }

    [Fact]
    public async Task TheRunHistory_IsOpenToAdminsAndAnalysts_NotToCustomers()
    {
        var analyst = await system.GatewayAsAsync("ana", AnalyticsScopes);
        var customer = await system.GatewayAsAsync("alice", AnalyticsScopes);

        using var forAnalyst = await analyst.GetAsync(RunsPath);
        using var forCustomer = await customer.GetAsync(RunsPath);
        using var runByAnalyst = await analyst.PostAsJsonAsync(RunsPath, new { });

        Assert.Equal(HttpStatusCode.OK, forAnalyst.StatusCode);
        await Problems.AssertAsync(forCustomer, HttpStatusCode.Forbidden);
        await Problems.AssertAsync(runByAnalyst, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnUnknownJob_IsNotFoundProblemDetails()
    {
        var admin = await system.GatewayAsAsync(DemoUserTokens.Admin, AnalyticsScopes);

        await Problems.AssertAsync(await admin.PostAsJsonAsync("/api/analytics/jobs/no-such-job/runs", new { }), HttpStatusCode.NotFound);
        await Problems.AssertAsync(await admin.GetAsync("/api/analytics/jobs/no-such-job/runs"), HttpStatusCode.NotFound);
    }

    private async Task PublishToAnalyticsAsync(Guid messageId, string type, Guid orderId, long sequence, string body) =>
        await MessagingBroker.PublishAsync(system.App, string.Empty, "analytics",
            MessagingBroker.Properties(messageId, type, "ordering", new Dictionary<string, object?> { ["x-aggregate-id"] = orderId.ToString(), ["x-sequence"] = sequence }),
            Encoding.UTF8.GetBytes(body));

    private async Task<long> CountAsync(string sql, string id)
    {
        await using var db = await system.OpenDatabaseAsync("analyticsdb");
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("id", id);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<DateTime?> LandedAtAsync(Guid orderId)
    {
        await using var db = await system.OpenDatabaseAsync("analyticsdb");
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT occurred_at FROM landed_events WHERE event_type = 'OrderPlaced' AND payload->>'orderId' = @orderId";
        command.Parameters.AddWithValue("orderId", orderId.ToString());
        return await command.ExecuteScalarAsync() is DateTime occurred ? occurred.ToUniversalTime() : null;
    }

    /// <summary>Starts a run for the day and polls its Location until it succeeds; fails with its last state otherwise.</summary>
    private static async Task<RunDto> RunToSuccessAsync(HttpClient admin, DateOnly day)
    {
        using var started = await admin.PostAsJsonAsync(RunsPath, new { day });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var location = started.Headers.Location!;
        var run = (await started.Content.ReadFromJsonAsync<RunDto>())!;
        Assert.Equal(day, run.Day);

        var done = await Polling.UntilAsync(async () =>
        {
            run = (await admin.GetFromJsonAsync<RunDto>(location))!;
            return run.State is "Succeeded" or "Failed";
        }, RunDeadline);
        Assert.True(done && run.State == "Succeeded", $"Run {run.Id} is {run.State} after {RunDeadline}: {run.Error}");
        Assert.Equal(1, run.Attempts);
        return run;
    }

    private static long StepRows(RunDto run, string step) => run.Steps.Single(s => s.Name == step).Rows;

    private static async Task<List<string>> OrderIdsAsync(string file)
    {
        await using var stream = File.OpenRead(file);
        return [.. (await ParquetSerializer.DeserializeUntypedAsync(stream)).Data.Select(row => (string)row["order_id"])];
    }

    private sealed record StepDto(string Name, long Rows, double DurationMs);

    private sealed record RunDto(Guid Id, string Job, DateOnly Day, string State, int Attempts, string? Error, List<StepDto> Steps);
}
