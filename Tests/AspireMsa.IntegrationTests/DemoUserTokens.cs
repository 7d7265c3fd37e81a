using System.Collections.Concurrent;
using System.Text.Json;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// Access tokens for the demo users and the admin, fetched through the gateway once per user and scope set and then
/// reused: the token endpoint is rate limited per client IP and username, and every test runs from the same IP. The
/// admin signs in with its own password, the others with the shared demo password.
/// </summary>
public sealed class DemoUserTokens(string demoUserPassword, string adminPassword)
{
    public const string Admin = "admin";

    public const string AllApiScopes = "openid profile roles catalog ordering inventory";

    private const int MaxAttempts = 3;

    private readonly ConcurrentDictionary<(string User, string Scopes), Lazy<Task<string>>> _tokens = new();

    public async Task<string> GetAsync(HttpClient gateway, string user, string scopes)
    {
        var key = (user, scopes);
        var token = _tokens.GetOrAdd(key, k => new Lazy<Task<string>>(() => RequestAsync(gateway, k.User, k.Scopes)));
        try
        {
            return await token.Value;
        }
        catch
        {
            // A failed request is not cached: the next test asks again instead of inheriting one cold start's timeout.
            _tokens.TryRemove(KeyValuePair.Create(key, token));
            throw;
        }
    }

    public static async Task<HttpResponseMessage> PasswordGrantAsync(HttpClient gateway, string user, string password, string scopes) =>
        await gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "aspiremsa-cli",
            ["username"] = user,
            ["password"] = password,
            ["scope"] = scopes,
        }));

    private async Task<string> RequestAsync(HttpClient gateway, string user, string scopes)
    {
        // The first sign-in of a run hashes a password on a cold identity service; a gateway timeout then is worth one more try.
        var response = await PasswordGrantAsync(gateway, user, PasswordOf(user), scopes);
        for (var attempt = 1; attempt < MaxAttempts && (int)response.StatusCode >= 500; attempt++)
        {
            response.Dispose();
            response = await PasswordGrantAsync(gateway, user, PasswordOf(user), scopes);
        }

        using var answered = response;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Token for {user}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    public string PasswordOf(string user) => user == Admin ? adminPassword : demoUserPassword;
}
