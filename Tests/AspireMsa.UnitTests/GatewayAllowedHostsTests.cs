using AspireMsa.Gateway.PublicAddress;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AspireMsa.UnitTests;

/// <summary>The gateway answers its public host and the configured ones only; "*" does not start outside Development.</summary>
public class GatewayAllowedHostsTests
{
    private const string PublicUrl = "https://shop.example:8443/";

    [Fact]
    public void ThePublicUrlsHost_IsAllowed_EvenWithNoAllowedHostsConfigured()
    {
        using var app = Build(Environments.Production, allowedHosts: null);

        Assert.Equal(["shop.example"], Allowed(app));
    }

    [Fact]
    public void ConfiguredHosts_AreAllowedBesideThePublicOne()
    {
        using var app = Build(Environments.Production, "127.0.0.1;[::1]");

        Assert.Equal(["shop.example", "127.0.0.1", "[::1]"], Allowed(app));
    }

    [Fact]
    public async Task AnyHost_StopsTheGatewayAtStart_OutsideDevelopment()
    {
        await using var app = Build(Environments.Production, "*");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("AllowedHosts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnyHost_IsAcceptedInDevelopment()
    {
        using var app = Build(Environments.Development, "*");

        Assert.Contains("*", Allowed(app));
    }

    private static WebApplication Build(string environment, string? allowedHosts)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Gateway:PublicUrl"] = PublicUrl;
        builder.Configuration["AllowedHosts"] = allowedHosts;
        builder.AddPublicAddress();
        return builder.Build();
    }

    private static IList<string> Allowed(WebApplication app) => app.Services.GetRequiredService<IOptions<HostFilteringOptions>>().Value.AllowedHosts;
}
