using AspireMsa.Benchmarks.Tools;

namespace AspireMsa.Benchmarks.Reporting;

/// <summary>One load run of one variant: throughput and latency percentiles in milliseconds, errors counted.</summary>
public sealed record LoadRow(
    string Variant,
    string Url,
    int Connections,
    double? OfferedRps,
    double Rps,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double P999Ms,
    double MaxMs,
    long Requests,
    long Errors)
{
    public static LoadRow From(string variant, string url, int connections, WrkResult result, double? offeredRps = null) =>
        new(variant, url, connections, offeredRps.HasValue ? Math.Round(offeredRps.Value) : null, Math.Round(result.RequestsPerSecond),
            Ms(result.LatencyUs.P50), Ms(result.LatencyUs.P90), Ms(result.LatencyUs.P99), Ms(result.LatencyUs.P999), Ms(result.LatencyUs.Max),
            result.Requests, result.Errors.Total);

    private static double Ms(long microseconds) => Math.Round(microseconds / 1000.0, 2);
}
