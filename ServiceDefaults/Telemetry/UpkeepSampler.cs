using System.Diagnostics;
using OpenTelemetry.Trace;

namespace AspireMsa.ServiceDefaults.Telemetry;

/// <summary>
/// Decides for spans that start a trace: an outgoing call (HTTP, PostgreSQL, Redis) that no request, message or unit of
/// background work started is upkeep — a health check against a dependency, YARP's active health probe, a relay or
/// sweeper poll that looks for work, a signing-key refresh — and is dropped, together with everything it causes downstream
/// (its trace context goes out unsampled). Work keeps its trace because it runs under a span of its own: a request, a
/// message's publish or process span, or <see cref="BackgroundWork.Start"/> once a poll found something to do.
/// </summary>
public sealed class UpkeepSampler : Sampler
{
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);
    private static readonly SamplingResult Sample = new(SamplingDecision.RecordAndSample);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind == ActivityKind.Client ? Drop : Sample;
}
