using AspireMsa.AppHost;
using AspireMsa.Gateway.Middleware;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AspireMsa.UnitTests;

/// <summary>The gateway's body limit and the AppHost's gateway port are checked before anything listens: a typo names its key.</summary>
public class GatewayLimitsOptionsTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("104857601")]
    public async Task AnOutOfRangeBodyLimit_StopsTheGatewayAtStart_NamingTheKey(string value)
    {
        // Kestrel reads the limit while the host is built, so the check may fire there, before StartAsync's own.
        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = BuildGateway(value);
            await app.StartAsync();
        });

        Assert.Contains("Gateway:MaxRequestBodyBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheBodyLimit_IsKestrels()
    {
        using var app = BuildGateway("2048");

        Assert.Equal(2048, app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MaxRequestBodySize);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("65536")]
    [InlineData("http")]
    public void AnInvalidGatewayPort_StopsTheAppHost_NamingTheKey(string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => GatewayHostingOptions.Read(Settings("Gateway:HttpPort", value)));

        Assert.Contains("Gateway:HttpPort", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5080", 5080)]
    [InlineData("0", null)]
    [InlineData(null, null)]
    public void AValidGatewayPort_IsDeclared_AndZeroLetsTheOrchestratorChoose(string? value, int? declared)
    {
        Assert.Equal(declared, GatewayHostingOptions.Read(Settings("Gateway:HttpPort", value)).FixedHttpPort);
    }

    private static WebApplication BuildGateway(string maxRequestBodyBytes)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Gateway:MaxRequestBodyBytes"] = maxRequestBodyBytes;
        builder.AddRequestBodyLimit();
        return builder.Build();
    }

    private static IConfiguration Settings(string key, string? value) =>
        new ConfigurationBuilder().AddInMemoryCollection([KeyValuePair.Create(key, value)]).Build();
}
