namespace AspireMsa.Benchmarks.Measures;

/// <summary>
/// What one phase of the saga measure saw once its orders settled: the completion rate (terminal orders over the span
/// from the first POST to the last terminal status) and POST-to-terminal percentiles, in milliseconds.
/// </summary>
public sealed record SagaPhase(
    string Phase,
    double? OfferedPerSecond,
    int Posted,
    int Accepted,
    int Refused,
    int Confirmed,
    int Cancelled,
    int Lost,
    double AcceptedPerSecond,
    double CompletedPerSecond,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double MaxMs);
