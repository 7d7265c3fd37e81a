using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;

namespace AspireMsa.Gateway.Canary;

/// <summary>
/// Per-version traffic of each release, counted once, here at the gateway where the version is chosen. The services do
/// not count it again by version: their own http.server series belong to a different service and say where time went.
/// </summary>
public sealed class CanaryMetrics
{
    public const string MeterName = "AspireMsa.Gateway.Canary";

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _rollbacks;

    public CanaryMetrics(IMeterFactory meterFactory, CanaryWeights weights, IOptions<CanaryOptions> options)
    {
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>("aspiremsa.gateway.canary.requests", "{request}", "Requests of a canary release, by version and outcome.");
        _duration = meter.CreateHistogram<double>("aspiremsa.gateway.canary.request.duration", "s", "Time to answer a request of a canary release, by version.");
        _rollbacks = meter.CreateCounter<long>("aspiremsa.gateway.canary.rollbacks", "{rollback}", "Automatic rollbacks of a canary release.");
        meter.CreateObservableGauge("aspiremsa.gateway.canary.weight", () => options.Value.Releases.Keys
            .Select(release => new Measurement<int>(weights.Get(release), new KeyValuePair<string, object?>("release", release))),
            "%", "The share of weighted traffic a release sends to its canary version.");
    }

    public void RecordRequest(string release, string version, bool isError, TimeSpan duration)
    {
        var releaseTag = new KeyValuePair<string, object?>("release", release);
        var versionTag = new KeyValuePair<string, object?>("version", version);
        _requests.Add(1, releaseTag, versionTag, new KeyValuePair<string, object?>("outcome", isError ? "error" : "success"));
        _duration.Record(duration.TotalSeconds, releaseTag, versionTag);
    }

    public void RecordRollback(string release) => _rollbacks.Add(1, new KeyValuePair<string, object?>("release", release));
}
