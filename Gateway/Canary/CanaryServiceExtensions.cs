using AspireMsa.Gateway.Downstream;
using Microsoft.Extensions.Options;

namespace AspireMsa.Gateway.Canary;

public static class CanaryServiceExtensions
{
    public static IHostApplicationBuilder AddCanaryReleases(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CanaryOptions>()
            .BindConfiguration(CanaryOptions.SectionName)
            .PostConfigure<IOptions<DownstreamOptions>>((canary, downstream) => canary.ResolveClusters(downstream.Value))
            .Validate(CanaryOptions.HasValidReleases,
                "Each Canary:Releases entry needs two different versions, each served by a Downstream:Services entry of the release's API, "
                + "a weight of 0-100 and valid rollback settings.")
            // Checked from this side only: the canary's options read the registry's, so the registry's must not read these.
            .Validate<IOptions<DownstreamOptions>>((canary, downstream) => DownstreamRegistry.EveryApiHasADefault(downstream.Value, canary),
                "An API served by several Downstream:Services needs a Canary:Releases entry of its name to choose between them.")
            .ValidateOnStart();
        builder.Services.AddSingleton<CanaryWeights>();
        builder.Services.AddSingleton<CanaryMetrics>();
        builder.Services.AddSingleton<CanaryRollbackMonitor>();
        builder.Services.AddSingleton<CanaryRouter>();
        builder.Services.AddHostedService<CanaryWeightSync>();
        return builder;
    }
}
