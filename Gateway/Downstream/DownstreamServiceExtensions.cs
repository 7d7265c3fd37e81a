using Yarp.ReverseProxy.Configuration;

namespace AspireMsa.Gateway.Downstream;

public static class DownstreamServiceExtensions
{
    /// <summary>The registry of the services behind the gateway, checked at start, and the YARP clusters built from it.</summary>
    public static IHostApplicationBuilder AddDownstreamServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DownstreamOptions>()
            .BindConfiguration(DownstreamOptions.SectionName)
            .Validate(DownstreamOptions.IsValid, DownstreamOptions.InvalidMessage)
            .ValidateOnStart();
        builder.Services.AddSingleton<DownstreamRegistry>();
        builder.Services.AddSingleton<IProxyConfigProvider, DownstreamProxyConfigProvider>();
        builder.AddNotDeployedCapabilityProblems();
        return builder;
    }

    /// <summary>Read while the gateway is built: token validation takes its audiences then, and the registry never changes.</summary>
    public static string[] DownstreamAudiences(this IConfiguration configuration) =>
        (configuration.GetSection(DownstreamOptions.SectionName).Get<DownstreamOptions>() ?? new()).Audiences();
}
