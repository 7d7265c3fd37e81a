using System.Text.Json;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// What a front end's sign-out relies on: a refresh token obtained with <c>offline_access</c> renews the session until it
/// is revoked at <c>/connect/revoke</c>, and never after.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class RefreshTokenRevocationTests(SystemFixture system)
{
    private const string Client = "aspiremsa-cli";

    [Fact]
    public async Task ARevokedRefreshToken_NoLongerRenewsTheSession()
    {
        using var granted = await DemoUserTokens.PasswordGrantAsync(
            system.Gateway, "tess", SystemFixture.DemoUserPassword, "openid offline_access catalog");
        var first = await ReadAsync(granted);
        Assert.True(first.TryGetProperty("refresh_token", out var firstRefresh), $"No refresh token for offline_access: {first}");

        using var refreshed = await RefreshAsync(firstRefresh.GetString()!);
        var renewed = await ReadAsync(refreshed);
        Assert.True(refreshed.IsSuccessStatusCode, $"Refresh: {(int)refreshed.StatusCode} {renewed}");
        Assert.False(string.IsNullOrEmpty(renewed.GetProperty("access_token").GetString()));
        // Refresh tokens roll: the one in this answer is the session's current one, and the one to revoke.
        var current = renewed.GetProperty("refresh_token").GetString()!;

        using var revoked = await system.Gateway.PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = Client,
            ["token"] = current,
            ["token_type_hint"] = "refresh_token",
        }));
        Assert.True(revoked.IsSuccessStatusCode, $"Revocation: {(int)revoked.StatusCode} {await revoked.Content.ReadAsStringAsync()}");

        using var afterRevocation = await RefreshAsync(current);
        var refused = await ReadAsync(afterRevocation);
        Assert.False(afterRevocation.IsSuccessStatusCode, $"A revoked refresh token still renewed the session: {refused}");
        Assert.Equal("invalid_grant", refused.GetProperty("error").GetString());
    }

    [Fact]
    public async Task TheDiscoveryDocument_AdvertisesTheRevocationEndpoint()
    {
        var discovery = await system.Gateway.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        var endpoint = new Uri(discovery.GetProperty("revocation_endpoint").GetString()!);
        Assert.Equal("/connect/revoke", endpoint.AbsolutePath);
    }

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        system.Gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = Client,
            ["refresh_token"] = refreshToken,
        }));

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
