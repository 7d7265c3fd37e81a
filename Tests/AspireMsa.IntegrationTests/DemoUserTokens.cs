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

    private readonly ConcurrentDictionary<(string User, string Scopes), Lazy<Task<string>>> _tokens = new();

    public Task<string> GetAsync(HttpClient gateway, string user, string scopes) =>
        _tokens.GetOrAdd((user, scopes), key => new Lazy<Task<string>>(() => RequestAsync(gateway, key.User, key.Scopes))).Value;

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
        using var response = await PasswordGrantAsync(gateway, user, PasswordOf(user), scopes);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Token for {user}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    public string PasswordOf(string user) => user == Admin ? adminPassword : demoUserPassword;
}
