namespace AspireMsa.Gateway.Canary;

public static class CanaryServiceExtensions
{
    public static IHostApplicationBuilder AddCanaryReleases(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CanaryOptions>()
            .BindConfiguration(CanaryOptions.SectionName)
            .Validate(CanaryOptions.HasValidReleases,
                "Each Canary:Releases entry needs two different versions and clusters, a weight of 0-100 and valid rollback settings.")
            .ValidateOnStart();
        builder.Services.AddSingleton<CanaryWeights>();
        builder.Services.AddSingleton<CanaryMetrics>();
        builder.Services.AddSingleton<CanaryRollbackMonitor>();
        builder.Services.AddHostedService<CanaryWeightSync>();
        return builder;
    }
}
