using AspireMsa.Identity.Api.Clients;
using Microsoft.Extensions.Configuration;

namespace AspireMsa.UnitTests;

/// <summary><c>Clients:Storefront</c> is checked when the identity service starts, with the same rules as the web client's URIs.</summary>
public class StorefrontClientOptionsTests
{
    [Fact]
    public void NoStorefrontConfigured_Starts()
    {
        var options = Bind([]);

        Assert.True(ClientOptions.HasAbsoluteUris(options));
        Assert.True(ClientOptions.StorefrontCanSignIn(options));
    }

    [Fact]
    public void ASecretWithAbsoluteRedirectUris_Starts()
    {
        var options = Bind(new()
        {
            ["Clients:Storefront:Secret"] = "storefront-secret",
            ["Clients:Storefront:RedirectUris:0"] = "https://shop.example.com/signin-oidc",
            ["Clients:Storefront:PostLogoutRedirectUris:0"] = "http://localhost:5200/signout-callback-oidc",
        });

        Assert.Equal("storefront-secret", options.Storefront.Secret);
        Assert.True(ClientOptions.HasAbsoluteUris(options));
        Assert.True(ClientOptions.StorefrontCanSignIn(options));
    }

    [Theory]
    [InlineData("Clients:Storefront:RedirectUris:0", "/signin-oidc")]
    [InlineData("Clients:Storefront:RedirectUris:0", "signin-oidc")]
    [InlineData("Clients:Storefront:PostLogoutRedirectUris:0", "ftp://shop.example.com/")]
    [InlineData("Clients:Web:RedirectUris:0", "/callback")]
    public void ARelativeOrNonHttpUri_StopsTheStart(string key, string uri)
    {
        var options = Bind(new()
        {
            ["Clients:Storefront:Secret"] = "storefront-secret",
            ["Clients:Storefront:RedirectUris:1"] = "https://shop.example.com/signin-oidc",
            [key] = uri,
        });

        Assert.False(ClientOptions.HasAbsoluteUris(options));
    }

    [Fact]
    public void ASecretWithoutRedirectUris_StopsTheStart()
    {
        var options = Bind(new() { ["Clients:Storefront:Secret"] = "storefront-secret" });

        Assert.False(ClientOptions.StorefrontCanSignIn(options));
    }

    private static ClientOptions Bind(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(ClientOptions.SectionName).Get<ClientOptions>()
        ?? new ClientOptions();
}
