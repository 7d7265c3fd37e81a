using AspireMsa.ServiceDefaults.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class GatewayForwardedHeadersExtensions
{
    /// <summary>
    /// Trusts <c>X-Forwarded-*</c> only from the gateway's networks, as the AppHost configures them, for a service that
    /// builds public URLs (issuer, redirect URIs) from the gateway's scheme and host. Pair with <c>UseForwardedHeaders</c>.
    /// </summary>
    public static IHostApplicationBuilder AddGatewayForwardedHeaders(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
            GatewayForwardedHeaders.Configure(options, builder.Configuration[GatewayForwardedHeaders.KnownNetworksKey]));
        return builder;
    }
}
