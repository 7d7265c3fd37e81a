using System.Diagnostics;
using Npgsql;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// Drives the order saga through the gateway and reads its outcome; every wait is a poll with a deadline.
/// Orders go as the customer <c>alice</c>; stock and dead letters need the <c>admin</c>.
/// </summary>
public sealed class OrderSagaDriver(HttpClient customer, HttpClient admin, Func<string, Task<NpgsqlConnection>> openDatabase)
{
    public static readonly TimeSpan SettleDeadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public static async Task<OrderSagaDriver> ForAsync(SystemFixture system) =>
        new(await system.GatewayAsAsync("alice"), await system.GatewayAsAsync("admin"), system.OpenDatabaseAsync);

    public HttpClient Admin => admin;

    public Task<NpgsqlConnection> OpenDatabaseAsync(string database) => openDatabase(database);

    public async Task SetStockAsync(Guid productId, int quantity)
    {
        var response = await admin.PutAsJsonAsync($"/api/inventory/{productId}", new { quantity });
        Assert.True(response.IsSuccessStatusCode, $"Setting stock of {productId} answered {(int)response.StatusCode}.");
    }

    public Task<StockDto?> GetStockAsync(Guid productId) => admin.GetFromJsonAsync<StockDto>($"/api/inventory/{productId}");

    public async Task<HttpResponseMessage> PostOrderAsync(IEnumerable<(Guid ProductId, int Quantity)> lines, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = JsonContent.Create(new { lines = lines.Select(l => new { productId = l.ProductId, quantity = l.Quantity }) }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await customer.SendAsync(request);
    }

    public async Task<Guid> PlaceOrderAsync(params (Guid ProductId, int Quantity)[] lines)
    {
        var response = await PostOrderAsync(lines);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<OrderAcceptedDto>())!.Id;
    }

    public Task<OrderDto?> GetOrderAsync(Guid orderId) => customer.GetFromJsonAsync<OrderDto>($"/api/orders/{orderId}");

    /// <summary>Polls until the order is confirmed or cancelled; fails with its last state when the deadline passes.</summary>
    public async Task<OrderDto> WaitForTerminalAsync(Guid orderId, TimeSpan? deadline = null)
    {
        var watch = Stopwatch.StartNew();
        OrderDto? order = null;
        while (watch.Elapsed < (deadline ?? SettleDeadline))
        {
            order = await GetOrderAsync(orderId);
            if (order is { Status: not "Pending" })
            {
                return order;
            }

            await Task.Delay(PollInterval);
        }

        Assert.Fail($"Order {orderId} is still {order?.Status ?? "unknown"} after {watch.Elapsed}.");
        return order!;
    }

    /// <summary>Polls until <paramref name="condition"/> holds, failing with <paramref name="what"/> when the deadline passes.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, TimeSpan? deadline = null)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < (deadline ?? SettleDeadline), $"Timed out after {watch.Elapsed} waiting until {what}.");
            await Task.Delay(PollInterval);
        }
    }

    public async Task<T> QueryScalarAsync<T>(string database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await openDatabase(database);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task<DeadLettersDto> GetDeadLettersAsync(string servicePrefix)
    {
        var response = await admin.GetAsync($"{servicePrefix}/admin/dead-letters");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<DeadLettersDto>())!;
    }

    public sealed record StockDto(Guid ProductId, int OnHand, int Reserved, int Available, decimal? UnitPrice = null, decimal? StockValue = null);

    public sealed record OrderAcceptedDto(Guid Id, string Status);

    public sealed record OrderLineDto(Guid ProductId, int Quantity, decimal? CurrentUnitPrice = null);

    public sealed record StatusChangeDto(string Status, DateTimeOffset At, string Reason);

    public sealed record OrderDto(Guid Id, string Status, List<OrderLineDto> Lines, List<StatusChangeDto> History);

    public sealed record DeadLetterDto(string? MessageId, string? Type, string? Source, long Attempts, string? Reason, string Body);

    public sealed record DeadLettersDto(string Queue, long Count, List<DeadLetterDto> Items);
}
