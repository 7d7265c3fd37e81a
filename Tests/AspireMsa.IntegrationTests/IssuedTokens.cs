using System.Text;
using System.Text.Json;

namespace AspireMsa.IntegrationTests;

/// <summary>Tokens straight from the identity service (its token endpoint is not rate limited there), and what they say.</summary>
public static class IssuedTokens
{
    public static async Task<JsonElement> RequestAsync(SystemFixture system, string user, string password, string scopes)
    {
        using var identity = system.App.CreateHttpClient("identity", "http");
        using var response = await DemoUserTokens.PasswordGrantAsync(identity, user, password, scopes);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public static JsonElement Header(string jwt) => Decode(jwt.Split('.')[0]);

    public static JsonElement Payload(string jwt) => Decode(jwt.Split('.')[1]);

    private static JsonElement Decode(string segment)
    {
        var padded = segment.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(padded))).RootElement.Clone();
    }
}
