using AspireMsa.Benchmarks.Harness;
using AspireMsa.Benchmarks.Reporting;
using AspireMsa.Benchmarks.Tools;

namespace AspireMsa.Benchmarks.Measures;

/// <summary>
/// Measure 1: the same catalog read (GET a product by id, cycling over the seeded products) with the same headers — a
/// customer's bearer token and <c>X-Canary: v1</c> — straight to catalog-v1, through the gateway (token checked, rate
/// limit counted in Redis, request logged, canary pinned to v1) and through nginx as a plain reverse proxy to the same
/// catalog-v1 endpoint. First saturated (same connections for all three), then the direct and gateway paths at half the
/// gateway's saturated rate, which is where "what a hop adds" is meaningful.
/// </summary>
public static class CatalogReadMeasure
{
    public static async Task<IReadOnlyList<Measure>> RunAsync(BenchSystem system, Wrk wrk, BenchOptions options, IReadOnlyList<Guid> products)
    {
        var paths = CatalogSeed.ProductPaths(products);
        var headers = new Dictionary<string, string>
        {
            ["Authorization"] = "Bearer " + await system.Tokens.GetAsync("alice"),
            ["X-Canary"] = "v1",
        };

        using var nginx = await NginxProxy.StartAsync(system.CatalogV1Url, options.WorkDirectory);
        // Each of direct, gateway and nginx crosses DCP's local proxy in front of catalog-v1 exactly once: the gateway is
        // reached at one replica's own port. The public gateway endpoint (both replicas behind DCP's proxy) runs as well.
        var gatewayReplica = await system.ReplicaUrlAsync("gateway") ?? system.GatewayUrl;
        var variants = new (string Name, Uri Url)[]
        {
            ("direct", system.CatalogV1Url), ("gateway", gatewayReplica), ("nginx", nginx.Url), ("gateway, public endpoint (2 replicas)", system.GatewayUrl),
        };
        var servedBy = new Dictionary<string, object>();
        foreach (var (name, url) in variants)
        {
            servedBy[name] = await ProbeAsync(url, paths[0], headers);
        }

        var load = MachineInfo.LoadAverage();
        var (saturated, saturatedRounds) = await SideBySide.RunAsync(
            wrk, options, variants,
            (url, duration) => new WrkRun(url, paths, headers, options.WrkThreads, options.Connections, duration),
            row => row.Rps,
            "catalog read, saturated");

        var direct = saturated[0];
        var gateway = saturated[1];
        var proxy = saturated[2];
        var saturatedMeasure = new Measure(
            "catalog-read",
            "Catalog read: direct vs gateway vs nginx (saturated)",
            $"wrk -t{options.WrkThreads} -c{options.Connections}; {options.WarmUp.TotalSeconds:0} s warm-up per variant, then {options.Rounds} round(s) of " +
            $"{options.Duration.TotalSeconds:0} s per variant in turn, median round (by rps) reported; " +
            $"GET /api/catalog/products/{{id}} over {products.Count} products; Authorization: Bearer (alice) and X-Canary: v1 on every request",
            saturated,
            new Dictionary<string, double>
            {
                ["gatewayOverNginxRps"] = Ratio(gateway.Rps, proxy.Rps),
                ["gatewayOverDirectRps"] = Ratio(gateway.Rps, direct.Rps),
                ["nginxOverDirectRps"] = Ratio(proxy.Rps, direct.Rps),
                ["gatewayAddedP99Ms"] = Math.Round(gateway.P99Ms - direct.P99Ms, 2),
                ["nginxAddedP99Ms"] = Math.Round(proxy.P99Ms - direct.P99Ms, 2),
                ["publicGatewayOverNginxRps"] = Ratio(saturated[3].Rps, proxy.Rps),
            },
            new Dictionary<string, object>
            {
                ["gatewayReplicaUrl"] = gatewayReplica.ToString(),
                ["servedBy"] = servedBy,
                ["rounds"] = saturatedRounds,
            })
        {
            LoadAverageAtStart = load,
        };

        // Half load: each connection waits between requests so that the offered rate is about half the gateway's maximum.
        var delay = (int)Math.Max(1, Math.Round(options.PacedConnections * 1000 / Math.Max(10, gateway.Rps / 2)));
        var offered = options.PacedConnections * 1000.0 / delay;
        load = MachineInfo.LoadAverage();
        var (paced, pacedRounds) = await SideBySide.RunAsync(
            wrk, options, variants.Take(2).ToList(),
            (url, duration) => new WrkRun(url, paths, headers, options.WrkThreads, options.PacedConnections, duration, delay),
            row => row.P99Ms,
            "catalog read, half load",
            offered);

        var halfLoadMeasure = new Measure(
            "catalog-read-half-load",
            "Catalog read at half load: what the gateway adds over direct",
            $"wrk -t{options.WrkThreads} -c{options.PacedConnections} with {delay} ms between a connection's requests " +
            $"(offered at most {offered:0} req/s, half the gateway's saturated rate); {options.Rounds} round(s) of {options.Duration.TotalSeconds:0} s per variant, " +
            "median round (by p99) reported",
            paced,
            new Dictionary<string, double>
            {
                ["gatewayAddedP50Ms"] = Math.Round(paced[1].P50Ms - paced[0].P50Ms, 2),
                ["gatewayAddedP99Ms"] = Math.Round(paced[1].P99Ms - paced[0].P99Ms, 2),
            },
            new Dictionary<string, object> { ["rounds"] = pacedRounds })
        {
            LoadAverageAtStart = load,
        };

        return [saturatedMeasure, halfLoadMeasure];
    }

    public static double Ratio(double numerator, double denominator) => denominator == 0 ? 0 : Math.Round(numerator / denominator, 2);

    /// <summary>One request before the load, to check the variant answers 200 and which process served it.</summary>
    private static async Task<string> ProbeAsync(Uri baseUrl, string path, IReadOnlyDictionary<string, string> headers)
    {
        using var client = new HttpClient { BaseAddress = baseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{baseUrl}{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return response.Headers.TryGetValues("X-Served-By", out var values) ? string.Join(",", values) : "unknown";
    }
}
