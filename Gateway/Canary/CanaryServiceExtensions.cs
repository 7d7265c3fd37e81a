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
            .ValidateOnStart();
        builder.Services.AddSingleton<CanaryWeights>();
        builder.Services.AddSingleton<CanaryMetrics>();
        builder.Services.AddSingleton<CanaryRollbackMonitor>();
        builder.Services.AddSingleton<CanaryRouter>();
        builder.Services.AddHostedService<CanaryWeightSync>();
        return builder;
    }
}
