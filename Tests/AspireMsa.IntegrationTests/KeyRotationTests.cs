using System.Text.Json;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// A rotated signing key is in JWKS before any token is signed with it, so the first tokens it signs validate at the
/// gateway and in every service at once. The fixture shortens the lead time to 20 s and the validators' refresh to 2 s.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class KeyRotationTests(SystemFixture system)
{
    private const string Scopes = "openid roles catalog ordering inventory";

    [Fact]
    public async Task ARotatedKey_IsPublishedBeforeItSigns_AndItsFirstTokensValidateAtTheGatewayAndInEveryService()
    {
        using var identity = system.App.CreateHttpClient("identity", "http");
        using var rotate = new HttpRequestMessage(HttpMethod.Post, "/api/keys/rotate");
        rotate.Headers.Authorization = new("Bearer", await system.TokenAsync("admin"));
        var rotation = await (await identity.SendAsync(rotate)).Content.ReadFromJsonAsync<JsonElement>();
        var newKeyId = rotation.GetProperty("signingKeyId").GetString()!;
        var notBefore = rotation.GetProperty("notBefore").GetDateTimeOffset();

        // Published at once at the public address, and not yet signing.
        Assert.Contains(newKeyId, await PublishedKeyIdsAsync());
        Assert.NotEqual(newKeyId, KeyIdOf(await NewAdminTokenAsync()));

        // The first tokens it signs, from its NotBefore on.
        string? first = null;
        Assert.True(await Polling.UntilAsync(async () =>
        {
            if (DateTimeOffset.UtcNow < notBefore)
            {
                return false;
            }

            var token = await NewAdminTokenAsync();
            first = KeyIdOf(token) == newKeyId ? token : null;
            return first is not null;
        }, notBefore - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30)), "No token was signed with the rotated key.");

        // Each checked once: no retry may paper over a validator that has not fetched the key yet.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(system.Gateway, HttpMethod.Get, "/api/me", first!)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(system.Gateway, HttpMethod.Get, "/api/orders", first!)).StatusCode);
        foreach (var (resource, path, expected) in new[]
        {
            ("identity", "/api/me", HttpStatusCode.OK),
            ("catalog-v1", "/api/catalog/admin/read-model/stats", HttpStatusCode.OK),
            ("catalog-v2", "/api/catalog/admin/read-model/stats", HttpStatusCode.OK),
            ("ordering", "/api/orders", HttpStatusCode.OK),
            ("inventory", $"/api/inventory/{Guid.NewGuid()}", HttpStatusCode.NotFound),
        })
        {
            using var direct = system.App.CreateHttpClient(resource, "http");
            var response = await SendAsync(direct, HttpMethod.Get, path, first!);
            Assert.True(response.StatusCode == expected, $"{resource}{path}: {(int)response.StatusCode}");
        }
    }

    private async Task<HashSet<string>> PublishedKeyIdsAsync()
    {
        var discovery = await system.Gateway.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        var jwksPath = new Uri(discovery.GetProperty("jwks_uri").GetString()!).PathAndQuery;
        var jwks = await system.Gateway.GetFromJsonAsync<JsonElement>(jwksPath);
        return [.. jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!)];
    }

    private async Task<string> NewAdminTokenAsync() =>
        (await IssuedTokens.RequestAsync(system, "admin", SystemFixture.AdminPassword, Scopes)).GetProperty("access_token").GetString()!;

    private static string KeyIdOf(string jwt) => IssuedTokens.Header(jwt).GetProperty("kid").GetString()!;

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string token)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new("Bearer", token);
        return await client.SendAsync(request);
    }
}
