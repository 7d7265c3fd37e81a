using System.Text.Json.Serialization;

namespace AspireMsa.Benchmarks.Tools;

/// <summary>What the <c>wrk-report.lua</c> script prints at the end of a run; latencies in microseconds.</summary>
public sealed record WrkResult(long Requests, long DurationUs, long Bytes, WrkErrors Errors, WrkLatency LatencyUs)
{
    [JsonIgnore]
    public double RequestsPerSecond => DurationUs == 0 ? 0 : Requests / (DurationUs / 1_000_000.0);
}
