using System.Text.Json;

namespace AspireMsa.IntegrationTests;

/// <summary>The admin has a password of its own; the demo users share theirs and each carries its role.</summary>
[Collection(SystemCollection.Name)]
public sealed class AdminAndDemoUserTests(SystemFixture system)
{
    [Fact]
    public async Task TheAdminAccount_RefusesTheDemoUserPassword_AndOpensWithItsOwn()
    {
        var withDemoPassword = await IssuedTokens.RequestAsync(system, "admin", SystemFixture.DemoUserPassword, "openid roles");
        var withOwnPassword = await IssuedTokens.RequestAsync(system, "admin", SystemFixture.AdminPassword, "openid roles");

        Assert.Equal("invalid_grant", withDemoPassword.GetProperty("error").GetString());
        Assert.Contains("admin", IssuedTokens.Payload(withOwnPassword.GetProperty("access_token").GetString()!).GetProperty("role").ToString());
    }

    [Theory]
    [InlineData("alice", "customer")]
    [InlineData("bob", "customer")]
    [InlineData("ana", "analyst")]
    [InlineData("carol", "category-manager")]
    [InlineData("tess", "tester")]
    public async Task EveryDemoUser_SignsInWithTheSharedPassword_AndCarriesItsRole(string user, string role)
    {
        var me = await (await system.GatewayAsAsync(user)).GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(user, me.GetProperty("name").GetString());
        Assert.Equal([role], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Carol_CarriesHerCategoryInTheAnalyticsAccessToken_AndOtherDemoUsersNone()
    {
        var carol = await IssuedTokens.RequestAsync(system, "carol", SystemFixture.DemoUserPassword, "openid roles analytics");
        var ana = await IssuedTokens.RequestAsync(system, "ana", SystemFixture.DemoUserPassword, "openid roles analytics");

        var carolsToken = IssuedTokens.Payload(carol.GetProperty("access_token").GetString()!);
        Assert.Equal("Kitchen", carolsToken.GetProperty("category").GetString());
        Assert.Contains("analytics", carolsToken.GetProperty("aud").ToString(), StringComparison.Ordinal);
        Assert.False(IssuedTokens.Payload(ana.GetProperty("access_token").GetString()!).TryGetProperty("category", out _));
    }
}
