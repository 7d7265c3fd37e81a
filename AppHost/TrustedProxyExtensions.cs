namespace AspireMsa.AppHost;

public static class TrustedProxyExtensions
{
    public const string KnownNetworksVariable = "ForwardedHeaders__KnownNetworks";
    public const string GatewayNetworksParameter = "gateway-networks";

    /// <summary>
    /// The networks a service accepts <c>X-Forwarded-*</c> headers from (<c>ForwardedHeaders:KnownNetworks</c>, CIDRs
    /// separated by ';'): the gateway's. Locally every process is on loopback; in Azure Container Apps the gateway reaches
    /// services from the environment's internal network, which only the deployment knows (parameter
    /// <c>gateway-networks</c>). Forwarded headers from anywhere else are ignored.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithGatewayAsTrustedProxy(this IResourceBuilder<ProjectResource> service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var builder = service.ApplicationBuilder;
        if (builder.ExecutionContext.IsRunMode)
        {
            return service.WithEnvironment(KnownNetworksVariable, "127.0.0.0/8;::1/128");
        }

        // One parameter for every service behind the gateway (identity, the storefront).
        var networks = builder.Resources.OfType<ParameterResource>().FirstOrDefault(parameter => parameter.Name == GatewayNetworksParameter) is { } existing
            ? builder.CreateResourceBuilder(existing)
            : builder.AddParameter(GatewayNetworksParameter);
        return service.WithEnvironment(KnownNetworksVariable, networks);
    }
}
