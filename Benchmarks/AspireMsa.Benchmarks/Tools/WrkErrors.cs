using System.Text.Json.Serialization;

namespace AspireMsa.Benchmarks.Tools;

/// <summary>wrk's error counts; <c>Status</c> counts answers of 400 and above.</summary>
public sealed record WrkErrors(long Connect, long Read, long Write, long Status, long Timeout)
{
    [JsonIgnore]
    public long Total => Connect + Read + Write + Status + Timeout;
}
