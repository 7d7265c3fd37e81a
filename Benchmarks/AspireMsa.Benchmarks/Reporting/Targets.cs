namespace AspireMsa.Benchmarks.Reporting;

/// <summary>The project's performance targets (README, Performance), checked against one run's measures.</summary>
public static class Targets
{
    public static IReadOnlyList<TargetCheck> Check(IReadOnlyList<Measure> measures)
    {
        var byId = measures.ToDictionary(m => m.Id);
        var checks = new List<TargetCheck>();
        if (byId.TryGetValue("catalog-read", out var read))
        {
            var ratio = read.Ratios["gatewayOverNginxRps"];
            checks.Add(new("gateway ≥ 1.0× nginx rps on the same route", $"{ratio:0.00}×", ratio >= 1.0));
        }

        if (byId.TryGetValue("catalog-read-half-load", out var half))
        {
            var added = half.Ratios["gatewayAddedP99Ms"];
            checks.Add(new("gateway adds ≤ 1 ms p99 over direct at half load", $"{added:0.00} ms", added <= 1.0));
        }

        if (byId.TryGetValue("read-path", out var path))
        {
            var ratio = path.Ratios["redisOverPostgresRps"];
            checks.Add(new("Redis read path ≥ 3× PostgreSQL path (rps)", $"{ratio:0.00}×", ratio >= 3.0));
        }

        if (byId.TryGetValue("order-saga", out var saga))
        {
            var rate = saga.Ratios["ordersPerSecond"];
            var lost = Convert.ToInt64(saga.Details["lost"], System.Globalization.CultureInfo.InvariantCulture);
            checks.Add(new("≥ 500 orders/s end to end on 2 cores, none lost", $"{rate:0.0} orders/s, {lost} lost", rate >= 500 && lost == 0));
        }

        if (byId.TryGetValue("cold-start", out var cold))
        {
            var seconds = cold.Ratios["allHealthySeconds"];
            checks.Add(new("cold start ≤ 20 s to all resources healthy", $"{seconds:0.0} s", seconds <= 20));
        }

        return checks;
    }
}
