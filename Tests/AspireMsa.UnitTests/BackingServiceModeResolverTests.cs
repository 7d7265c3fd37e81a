using AspireMsa.AppHost.BackingServices;

namespace AspireMsa.UnitTests;

public class BackingServiceModeResolverTests
{
    [Theory]
    [InlineData(true, BackingServiceMode.Containers)]
    [InlineData(false, BackingServiceMode.LocalProcesses)]
    public void Auto_FollowsWhetherAContainerRuntimeAnswers(bool runtimeAnswers, BackingServiceMode expected)
    {
        var mode = BackingServiceModeResolver.Resolve(BackingServiceMode.Auto, isPublishMode: false, () => runtimeAnswers);

        Assert.Equal(expected, mode);
    }

    [Theory]
    [InlineData(BackingServiceMode.Containers)]
    [InlineData(BackingServiceMode.LocalProcesses)]
    public void AnExplicitMode_IsHonouredWithoutProbingTheRuntime(BackingServiceMode configured)
    {
        var mode = BackingServiceModeResolver.Resolve(configured, isPublishMode: false, () => throw new InvalidOperationException("must not probe"));

        Assert.Equal(configured, mode);
    }

    [Theory]
    [InlineData(BackingServiceMode.Auto)]
    [InlineData(BackingServiceMode.LocalProcesses)]
    public void PublishMode_AlwaysDescribesContainers(BackingServiceMode configured)
    {
        var mode = BackingServiceModeResolver.Resolve(configured, isPublishMode: true, () => false);

        Assert.Equal(BackingServiceMode.Containers, mode);
    }

    [Fact]
    public void ARuntimeWhoseClientIsMissing_IsNotAvailable()
    {
        Assert.False(ContainerRuntimeProbe.IsAvailable("aspiremsa-no-such-container-runtime"));
    }
}
