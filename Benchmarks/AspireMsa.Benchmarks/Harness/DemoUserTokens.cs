using System.Collections.Concurrent;
using System.Text.Json;

namespace AspireMsa.Benchmarks.Harness;

/// <summary>
/// Access tokens for the demo users and the admin through the gateway's token endpoint (password grant of
/// <c>aspiremsa-cli</c>), fetched once per user: that endpoint keeps its strict rate limit during a benchmark. The admin
/// signs in with its own password.
/// </summary>
public sealed class DemoUserTokens(Uri gateway, string demoUserPassword, string adminPassword)
{
    public const string AllApiScopes = "openid profile roles catalog ordering inventory";

    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _tokens = new();

    public Task<string> GetAsync(string user) =>
        _tokens.GetOrAdd(user, key => new Lazy<Task<string>>(() => RequestAsync(key))).Value;

    private async Task<string> RequestAsync(string user)
    {
        using var client = new HttpClient { BaseAddress = gateway };
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "aspiremsa-cli",
            ["username"] = user,
            ["password"] = user == "admin" ? adminPassword : demoUserPassword,
            ["scope"] = AllApiScopes,
        }));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"No token for {user}: {(int)response.StatusCode} {body}");
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }
}
