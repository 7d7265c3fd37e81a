using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using AspireMsa.Benchmarks.Harness;
using AspireMsa.Benchmarks.Reporting;
using Npgsql;

namespace AspireMsa.Benchmarks.Measures;

/// <summary>
/// Measure 3: the order saga end to end. Customers (alice and bob) place orders through the gateway, each POST with its
/// own Idempotency-Key; Ordering and Inventory run the saga over RabbitMQ. Every order answered 202 is followed in the
/// ordering database until it is Confirmed or Cancelled; its end-to-end time runs from the moment its POST was sent to
/// the time its terminal status change was recorded. First saturated (callers back to back: the completion rate is the
/// throughput, and latency includes the backlog that builds), then at half that rate on a fixed schedule (latency of a
/// saga that keeps up). An accepted order not terminal by the settle deadline counts as lost.
/// </summary>
public static class OrderSagaMeasure
{
    private const int StockPerProduct = 1_000_000;
    private static readonly string[] Customers = ["alice", "bob"];

    public static async Task<Measure> RunAsync(BenchSystem system, BenchOptions options, IReadOnlyList<Guid> products)
    {
        var ordered = products.Take(20).ToList();
        using (var admin = await system.SignedInGatewayClientAsync("admin", maxConnections: 4))
        {
            foreach (var product in ordered)
            {
                using var response = await admin.PutAsJsonAsync($"/api/inventory/{product}", new { quantity = StockPerProduct });
                response.EnsureSuccessStatusCode();
            }
        }

        var clients = new List<HttpClient>();
        foreach (var customer in Customers)
        {
            clients.Add(await system.SignedInGatewayClientAsync(customer, options.SagaCallers));
        }

        try
        {
            // A short warm-up so the first orders do not pay for JIT and connection set-up.
            var warmUp = await PlaceOrdersAsync(clients, ordered, callers: 4, TimeSpan.FromSeconds(options.Quick ? 2 : 5), ratePerSecond: null);
            await WaitForTerminalAsync(system, warmUp.Accepted.Keys.ToArray(), options.SagaSettleDeadline);

            var load = MachineInfo.LoadAverage();
            Console.WriteLine("  order saga: saturated");
            var saturated = await RunPhaseAsync(system, options, clients, ordered, "saturated", ratePerSecond: null);
            Console.WriteLine("  order saga: half load");
            var halfLoad = await RunPhaseAsync(system, options, clients, ordered, "half load", Math.Max(1, saturated.CompletedPerSecond / 2));

            return new Measure(
                "order-saga",
                "Order saga end to end: POST /api/orders through the gateway to Confirmed/Cancelled",
                $"as alice and bob through the gateway, an Idempotency-Key per order, one or two lines over {ordered.Count} stocked products; " +
                $"saturated: {options.SagaCallers} callers posting back to back for {options.SagaDuration.TotalSeconds:0} s; " +
                $"half load: orders sent on a fixed schedule at half the saturated completion rate for {options.SagaDuration.TotalSeconds:0} s; " +
                "each phase waits until every accepted order is Confirmed or Cancelled (terminal times read from the ordering database)",
                [],
                new Dictionary<string, double>
                {
                    ["ordersPerSecond"] = saturated.CompletedPerSecond,
                    ["p50Ms"] = saturated.P50Ms,
                    ["p99Ms"] = saturated.P99Ms,
                    ["halfLoadOrdersPerSecond"] = halfLoad.CompletedPerSecond,
                    ["halfLoadP50Ms"] = halfLoad.P50Ms,
                    ["halfLoadP99Ms"] = halfLoad.P99Ms,
                },
                new Dictionary<string, object>
                {
                    ["accepted"] = saturated.Accepted + halfLoad.Accepted,
                    ["lost"] = saturated.Lost + halfLoad.Lost,
                    ["refused"] = saturated.Refused + halfLoad.Refused,
                    ["phases"] = new[] { saturated, halfLoad },
                })
            {
                LoadAverageAtStart = load,
            };
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    private static async Task<SagaPhase> RunPhaseAsync(
        BenchSystem system, BenchOptions options, IReadOnlyList<HttpClient> clients, IReadOnlyList<Guid> products, string phase, double? ratePerSecond)
    {
        var run = await PlaceOrdersAsync(clients, products, options.SagaCallers, options.SagaDuration, ratePerSecond);
        var outcomes = await WaitForTerminalAsync(system, run.Accepted.Keys.ToArray(), options.SagaSettleDeadline);

        var latencies = outcomes.Values
            .Where(o => o.TerminalAt is not null)
            .Select(o => (o.TerminalAt!.Value - run.Accepted[o.Id]).TotalMilliseconds)
            .Order()
            .ToArray();
        var firstPost = run.Accepted.Values.DefaultIfEmpty(DateTimeOffset.UtcNow).Min();
        var lastTerminal = outcomes.Values.Where(o => o.TerminalAt is not null).Select(o => o.TerminalAt!.Value).DefaultIfEmpty(firstPost).Max();
        var span = Math.Max(0.001, (lastTerminal - firstPost).TotalSeconds);
        return new SagaPhase(
            phase,
            ratePerSecond is { } rate ? Math.Round(rate, 1) : null,
            run.Posted,
            run.Accepted.Count,
            run.Refused,
            outcomes.Values.Count(o => o.Status == "Confirmed"),
            outcomes.Values.Count(o => o.Status == "Cancelled"),
            run.Accepted.Count - latencies.Length,
            Math.Round(run.Accepted.Count / run.Elapsed.TotalSeconds, 1),
            Math.Round(latencies.Length / span, 1),
            Percentile(latencies, 50),
            Percentile(latencies, 90),
            Percentile(latencies, 99),
            latencies.Length == 0 ? 0 : Math.Round(latencies[^1], 1));
    }

    /// <summary>
    /// Places orders for <paramref name="duration"/>: back to back from each caller, or, with a rate, order n is sent at
    /// n / rate seconds by whichever caller is free (an open schedule, so a slow answer does not lower the offered rate).
    /// </summary>
    private static async Task<SagaRun> PlaceOrdersAsync(
        IReadOnlyList<HttpClient> clients, IReadOnlyList<Guid> products, int callers, TimeSpan duration, double? ratePerSecond)
    {
        var accepted = new ConcurrentDictionary<Guid, DateTimeOffset>();
        var posted = 0;
        var refused = 0;
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async caller =>
        {
            var client = clients[caller % clients.Count];
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (ratePerSecond is { } rate)
                {
                    var due = TimeSpan.FromSeconds(i / rate);
                    if (due >= duration)
                    {
                        break;
                    }

                    if (due > watch.Elapsed)
                    {
                        await Task.Delay(due - watch.Elapsed);
                    }
                }
                else if (watch.Elapsed >= duration)
                {
                    break;
                }

                var lines = i % 3 == 0
                    ? new[] { new { productId = products[i % products.Count], quantity = 1 }, new { productId = products[(i + 1) % products.Count], quantity = 1 } }
                    : new[] { new { productId = products[i % products.Count], quantity = 1 + (i % 2) } };
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(new { lines }) };
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
                var sentAt = DateTimeOffset.UtcNow;
                Interlocked.Increment(ref posted);
                try
                {
                    using var response = await client.SendAsync(request);
                    if (response.StatusCode == HttpStatusCode.Accepted)
                    {
                        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                        accepted[body.GetProperty("id").GetGuid()] = sentAt;
                        continue;
                    }
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }

                Interlocked.Increment(ref refused);
            }
        }));

        return new SagaRun(accepted, posted, refused, watch.Elapsed);
    }

    /// <summary>Polls the ordering database until every accepted order is terminal or the deadline passes.</summary>
    private static async Task<IReadOnlyDictionary<Guid, OrderOutcome>> WaitForTerminalAsync(BenchSystem system, Guid[] ids, TimeSpan deadline)
    {
        await using var db = await system.OpenDatabaseAsync("orderingdb");
        var watch = Stopwatch.StartNew();
        while (true)
        {
            await using var count = new NpgsqlCommand("""SELECT count(*) FROM orders WHERE "Id" = ANY(@ids) AND "Status" <> 'Pending'""", db);
            count.Parameters.AddWithValue("ids", ids);
            var terminal = (long)(await count.ExecuteScalarAsync())!;
            if (terminal >= ids.Length || watch.Elapsed > deadline)
            {
                break;
            }

            await Task.Delay(250);
        }

        await using var query = new NpgsqlCommand("""
            SELECT o."Id", o."Status",
                   (SELECT max(c."At") FROM order_status_changes c WHERE c."OrderId" = o."Id" AND c."Status" = o."Status")
            FROM orders o WHERE o."Id" = ANY(@ids)
            """, db);
        query.Parameters.AddWithValue("ids", ids);
        var outcomes = new Dictionary<Guid, OrderOutcome>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var status = reader.GetString(1);
            DateTimeOffset? at = status is "Confirmed" or "Cancelled" && !await reader.IsDBNullAsync(2)
                ? new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero)
                : null;
            outcomes[reader.GetGuid(0)] = new OrderOutcome(reader.GetGuid(0), status, at);
        }

        return outcomes;
    }

    private static double Percentile(double[] sorted, double percentile)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length) - 1;
        return Math.Round(sorted[Math.Clamp(rank, 0, sorted.Length - 1)], 1);
    }

    private sealed record OrderOutcome(Guid Id, string Status, DateTimeOffset? TerminalAt);
}
