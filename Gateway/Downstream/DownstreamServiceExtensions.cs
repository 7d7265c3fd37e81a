using AspireMsa.Gateway.Canary;
using Microsoft.Extensions.Options;
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
        // Checked on the canary side, which already reads the registry: the reverse would make each options wait on the other.
        builder.Services.AddOptions<CanaryOptions>()
            .Validate<IOptions<DownstreamOptions>>((canary, downstream) => DownstreamRegistry.EveryApiHasADefault(downstream.Value, canary),
                "An API served by several Downstream:Services needs a Canary:Releases entry of its name to choose between them.");
        builder.Services.AddSingleton<DownstreamRegistry>();
        builder.Services.AddSingleton<IProxyConfigProvider, DownstreamProxyConfigProvider>();
        return builder;
    }

    /// <summary>Read while the gateway is built: token validation takes its audiences then, and the registry never changes.</summary>
    public static string[] DownstreamAudiences(this IConfiguration configuration) =>
        (configuration.GetSection(DownstreamOptions.SectionName).Get<DownstreamOptions>() ?? new()).Audiences();
}
