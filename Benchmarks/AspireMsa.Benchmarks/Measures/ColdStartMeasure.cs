using AspireMsa.Benchmarks.Harness;
using AspireMsa.Benchmarks.Reporting;

namespace AspireMsa.Benchmarks.Measures;

/// <summary>
/// Measure 4: cold start, from the AppHost's start (projects already built) to every resource healthy: a fresh
/// PostgreSQL cluster (initdb), Redis, RabbitMQ, migrations and seeding, every service and both gateway replicas.
/// </summary>
public static class ColdStartMeasure
{
    public static Measure From(ColdStart coldStart, double loadAverageAtStart) => new(
        "cold-start",
        "Cold start: AppHost start to all resources healthy",
        "DistributedApplicationTestingBuilder start (build done, LocalProcesses, empty data folders) until WaitForResourceHealthyAsync returned for every resource",
        [],
        new Dictionary<string, double> { ["allHealthySeconds"] = Math.Round(coldStart.AllHealthy.TotalSeconds, 1) },
        new Dictionary<string, object>
        {
            ["healthyAfterSeconds"] = coldStart.Resources.ToDictionary(r => r.Name, r => (object)Math.Round(r.After.TotalSeconds, 1)),
        })
    {
        LoadAverageAtStart = loadAverageAtStart,
    };
}
