using System.Diagnostics;
using AspireMsa.Benchmarks.Harness;
using AspireMsa.Benchmarks.Reporting;
using AspireMsa.Benchmarks.Tools;

namespace AspireMsa.Benchmarks.Measures;

/// <summary>
/// Measure 2: the anonymous catalog read straight to catalog-v1 (no gateway, so its Redis-backed rate limiter plays no
/// part), first served by the Redis read model, then with Redis stopped by its resource command so that the breaker is
/// open and every read is answered by PostgreSQL. The catalog's own counters and the <c>X-Read-Source</c> header
/// confirm which store answered. Stopping Redis is the last thing the suite does.
/// </summary>
public static class ReadPathMeasure
{
    private static readonly TimeSpan FallbackTimeout = TimeSpan.FromMinutes(2);

    public static async Task<Measure> RunAsync(BenchSystem system, Wrk wrk, BenchOptions options, IReadOnlyList<Guid> products)
    {
        var paths = CatalogSeed.ProductPaths(products);
        // Not interleaved (switching stores means stopping Redis), so each store gets all the rounds' time in one run.
        var duration = options.Duration * options.Rounds;
        var headers = new Dictionary<string, string>();
        var url = system.CatalogV1Url;
        using var catalog = BenchSystem.NewClient(url, maxConnections: 4);
        // The reads stay anonymous; the stats endpoint is for admins.
        var adminToken = await system.Tokens.GetAsync("admin");
        var load = MachineInfo.LoadAverage();

        // Warm-up, then the measured run between two readings of the catalog's counters, which say which store answered.
        async Task<(WrkResult Run, ReadPathCounters Counters)> MeasureStoreAsync(string probePath)
        {
            var source = await ReadSourceAsync(catalog, probePath);
            await wrk.RunAsync(new WrkRun(url, paths, headers, options.WrkThreads, options.Connections, options.WarmUp));
            var before = await StatsAsync(catalog, adminToken);
            var run = await wrk.RunAsync(new WrkRun(url, paths, headers, options.WrkThreads, options.Connections, duration));
            var after = await StatsAsync(catalog, adminToken);
            return (run, new ReadPathCounters(source, after.Hits - before.Hits, after.Fallbacks - before.Fallbacks, after.DbLoads - before.DbLoads, after.RedisCircuit));
        }

        Console.WriteLine("  read path: redis");
        var (redis, redisCounters) = await MeasureStoreAsync(paths[0]);

        Console.WriteLine("  read path: stopping redis, waiting for the fallback");
        await system.ExecuteCommandAsync("redis", KnownResourceCommands.StopCommand);
        var watch = Stopwatch.StartNew();
        while (await ReadSourceAsync(catalog, paths[watch.Elapsed.Seconds % paths.Count]) != "database" || (await StatsAsync(catalog, adminToken)).RedisCircuit != "Open")
        {
            if (watch.Elapsed > FallbackTimeout)
            {
                throw new TimeoutException("With Redis stopped, the catalog did not fall back to PostgreSQL.");
            }

            await Task.Delay(200);
        }

        var fallbackAfter = watch.Elapsed;
        Console.WriteLine("  read path: postgres");
        var (postgres, postgresCounters) = await MeasureStoreAsync(paths[1]);

        var redisRow = LoadRow.From("redis", url.ToString(), options.Connections, redis);
        var postgresRow = LoadRow.From("postgres", url.ToString(), options.Connections, postgres);
        return new Measure(
            "read-path",
            "Catalog read: Redis read model vs PostgreSQL fallback (direct to catalog-v1)",
            $"wrk -t{options.WrkThreads} -c{options.Connections}, {options.WarmUp.TotalSeconds:0} s warm-up then {duration.TotalSeconds:0} s per store; " +
            $"anonymous GET /api/catalog/products/{{id}} over {products.Count} products; PostgreSQL path = Redis stopped with the resource command, breaker open",
            [redisRow, postgresRow],
            new Dictionary<string, double>
            {
                ["redisOverPostgresRps"] = CatalogReadMeasure.Ratio(redisRow.Rps, postgresRow.Rps),
                ["postgresOverRedisP99"] = CatalogReadMeasure.Ratio(postgresRow.P99Ms, redisRow.P99Ms),
            },
            new Dictionary<string, object>
            {
                ["redisRun"] = redisCounters,
                ["postgresRun"] = postgresCounters,
                ["fallbackSecondsAfterStop"] = Math.Round(fallbackAfter.TotalSeconds, 1),
            })
        {
            LoadAverageAtStart = load,
        };
    }

    private static async Task<string> ReadSourceAsync(HttpClient catalog, string path)
    {
        using var response = await catalog.GetAsync(path);
        return response.Headers.TryGetValues("X-Read-Source", out var values) ? values.First() : $"none ({(int)response.StatusCode})";
    }

    private static async Task<ReadModelStats> StatsAsync(HttpClient catalog, string adminToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalog/admin/read-model/stats");
        request.Headers.Authorization = new("Bearer", adminToken);
        using var response = await catalog.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ReadModelStats>())!;
    }
}
