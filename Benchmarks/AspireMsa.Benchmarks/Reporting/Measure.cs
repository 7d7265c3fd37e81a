namespace AspireMsa.Benchmarks.Reporting;

/// <summary>
/// One measure of the suite as written to latest.json: its load runs side by side (if any), the ratios between them,
/// and whatever else it counted (orders lost, resources healthy, read sources seen).
/// </summary>
public sealed record Measure(
    string Id,
    string Title,
    string Method,
    IReadOnlyList<LoadRow> Rows,
    IReadOnlyDictionary<string, double> Ratios,
    IReadOnlyDictionary<string, object> Details)
{
    /// <summary>The 1-minute load average when the measure started, this run's own processes included.</summary>
    public double LoadAverageAtStart { get; init; }
}
