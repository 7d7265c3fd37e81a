using System.Diagnostics;
using AspireMsa.ServiceDefaults.Telemetry;
using OpenTelemetry.Trace;

namespace AspireMsa.UnitTests;

/// <summary>Upkeep starts no trace; requests, messages and background work found by a poll do, and their calls stay in it.</summary>
public class UpkeepSamplerTests
{
    private static readonly Sampler Sampler = new ParentBasedSampler(new UpkeepSampler());

    [Fact]
    public void AnOutgoingCallThatNothingStarted_IsDropped()
    {
        Assert.Equal(SamplingDecision.Drop, Decide(default, ActivityKind.Client));
    }

    [Theory]
    [InlineData(ActivityKind.Server)]
    [InlineData(ActivityKind.Consumer)]
    [InlineData(ActivityKind.Producer)]
    [InlineData(ActivityKind.Internal)]
    public void ARequestMessageOrUnitOfWork_StartsATrace(ActivityKind kind)
    {
        Assert.Equal(SamplingDecision.RecordAndSample, Decide(default, kind));
    }

    [Fact]
    public void AnOutgoingCallInsideWork_StaysInItsTrace()
    {
        var work = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);

        Assert.Equal(SamplingDecision.RecordAndSample, Decide(work, ActivityKind.Client));
    }

    [Fact]
    public void WhatADroppedProbeCauses_IsDroppedToo()
    {
        var probe = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None, isRemote: true);

        Assert.Equal(SamplingDecision.Drop, Decide(probe, ActivityKind.Server));
    }

    private static SamplingDecision Decide(ActivityContext parent, ActivityKind kind) =>
        Sampler.ShouldSample(new SamplingParameters(parent, ActivityTraceId.CreateRandom(), "span", kind)).Decision;
}
