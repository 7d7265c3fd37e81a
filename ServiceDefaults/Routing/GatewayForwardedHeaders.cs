using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;

namespace AspireMsa.ServiceDefaults.Routing;

/// <summary>
/// Which proxies a service behind the gateway (the token server, the storefront) believes about the caller's scheme,
/// host, prefix and address: the gateway's networks only (<c>ForwardedHeaders:KnownNetworks</c>, CIDRs separated by ';', set by the AppHost: loopback locally, the
/// environment's internal network in Azure). Headers from any other address are ignored; none configured trusts no one.
/// </summary>
public static class GatewayForwardedHeaders
{
    public const string KnownNetworksKey = "ForwardedHeaders:KnownNetworks";

    public static void Configure(ForwardedHeadersOptions options, string? knownNetworks)
    {
        ArgumentNullException.ThrowIfNull(options);
        var networks = (knownNetworks ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(text => System.Net.IPNetwork.TryParse(text, out var network)
                ? network
                : throw new InvalidOperationException($"{KnownNetworksKey} holds '{text}', not a CIDR network (e.g. 127.0.0.0/8;::1/128)."))
            .ToList();

        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        // Empty lists would make the middleware trust every caller, so with no network configured it reads no header.
        if (networks.Count == 0)
        {
            options.ForwardedHeaders = ForwardedHeaders.None;
            return;
        }

        // The gateway's public scheme, host and path prefix make the issuer and the discovery URLs point at the gateway.
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
            | ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedPrefix;
        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(network);
        }
    }
}
