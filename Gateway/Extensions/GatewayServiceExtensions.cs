namespace AspireMsa.Gateway.Extensions;

public static class GatewayServiceExtensions
{
    public const string ReverseProxySection = "ReverseProxy";

    /// <summary>
    /// YARP with routes and clusters from configuration; a destination address names a service
    /// (<c>http://catalog</c>) and Aspire's service discovery resolves it, so no host or port appears anywhere.
    /// </summary>
    public static IHostApplicationBuilder AddGatewayServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection(ReverseProxySection))
            .AddServiceDiscoveryDestinationResolver();
        return builder;
    }
}
