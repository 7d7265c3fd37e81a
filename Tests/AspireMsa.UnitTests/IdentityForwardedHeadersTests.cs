using System.Net;
using AspireMsa.ServiceDefaults.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AspireMsa.UnitTests;

/// <summary>The token server believes X-Forwarded-* only from the gateway's networks, as the AppHost sets them.</summary>
public class IdentityForwardedHeadersTests
{
    private const string LocalGatewayNetworks = "127.0.0.0/8;::1/128";

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("192.168.0.7")]
    [InlineData("2001:db8::1")]
    public async Task AForwardedHost_FromOutsideTheGatewaysNetworks_IsIgnored(string caller)
    {
        var request = await ThroughForwardedHeadersAsync(LocalGatewayNetworks, caller);

        Assert.Equal("identity.internal", request.Host.Value);
        Assert.Equal("http", request.Scheme);
        Assert.Equal(IPAddress.Parse(caller), request.HttpContext.Connection.RemoteIpAddress);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task AForwardedHost_FromTheGateway_IsBelieved(string gateway)
    {
        var request = await ThroughForwardedHeadersAsync(LocalGatewayNetworks, gateway);

        Assert.Equal("gateway.example", request.Host.Value);
        Assert.Equal("https", request.Scheme);
        Assert.Equal(IPAddress.Parse("203.0.113.9"), request.HttpContext.Connection.RemoteIpAddress);
    }

    [Fact]
    public async Task WithNoNetworkConfigured_NoOneIsTrusted_NotEvenLoopback()
    {
        var request = await ThroughForwardedHeadersAsync(knownNetworks: null, "127.0.0.1");

        Assert.Equal("identity.internal", request.Host.Value);
    }

    [Fact]
    public void AMalformedNetwork_FailsAtStart_NamingTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => GatewayForwardedHeaders.Configure(new ForwardedHeadersOptions(), "127.0.0.0/8;gateway"));

        Assert.Contains(GatewayForwardedHeaders.KnownNetworksKey, error.Message, StringComparison.Ordinal);
    }

    private static async Task<HttpRequest> ThroughForwardedHeadersAsync(string? knownNetworks, string caller)
    {
        var options = new ForwardedHeadersOptions();
        GatewayForwardedHeaders.Configure(options, knownNetworks);
        var middleware = new ForwardedHeadersMiddleware(_ => Task.CompletedTask, NullLoggerFactory.Instance, Options.Create(options));

        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(caller);
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("identity.internal");
        context.Request.Headers["X-Forwarded-For"] = "203.0.113.9";
        context.Request.Headers["X-Forwarded-Host"] = "gateway.example";
        context.Request.Headers["X-Forwarded-Proto"] = "https";
        await middleware.Invoke(context);
        return context.Request;
    }
}
