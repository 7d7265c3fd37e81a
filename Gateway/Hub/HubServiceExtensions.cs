namespace AspireMsa.Gateway.Hub;

public static class HubServiceExtensions
{
    /// <summary>The capability hub's aggregate of every deployed capability's manifest, cached briefly.</summary>
    public static IHostApplicationBuilder AddCapabilityHub(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HubOptions>()
            .BindConfiguration(HubOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHybridCache();
        // Scoped: it holds the typed document client, whose HttpClient must not outlive its handler rotation.
        builder.Services.AddScoped<CapabilityHub>();
        return builder;
    }
}
