namespace AspireMsa.Benchmarks.Tools;

/// <summary>Latency of a wrk run, in microseconds.</summary>
public sealed record WrkLatency(double Mean, long P50, long P90, long P99, long P999, long Max);
