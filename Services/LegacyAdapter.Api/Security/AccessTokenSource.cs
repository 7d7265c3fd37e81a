using System.Text.Json;
using AspireMsa.LegacyAdapter.Api.Extensions;
using Microsoft.Extensions.Options;

namespace AspireMsa.LegacyAdapter.Api.Security;

/// <summary>
/// The legacy customer account's access token: the adapter's confidential client asks the token server for it (client
/// credentials) and the token server issues it for the account configured for that client, with the account's roles, so
/// the order API checks a legacy order exactly as it checks the customer's own. One token serves every call until shortly
/// before it expires; concurrent callers wait for one request rather than each sending their own.
/// </summary>
public sealed class AccessTokenSource(IHttpClientFactory clients, IOptions<LegacyAdapterOptions> options, TimeProvider clock) : IDisposable
{
    public const string HttpClientName = "token-server";

    /// <summary>The order API's audience and the scope its customer policy demands; roles travel in every access token.</summary>
    public const string Scope = "ordering";

    private const string TokenPath = "/connect/token";
    private static readonly TimeSpan RenewBeforeExpiry = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _renewal = new(1, 1);
    private volatile IssuedToken? _current;

    public async Task<string> GetAsync(CancellationToken ct)
    {
        if (_current is { } current && clock.GetUtcNow() < current.RenewAt)
        {
            return current.Value;
        }

        await _renewal.WaitAsync(ct);
        try
        {
            if (_current is { } renewed && clock.GetUtcNow() < renewed.RenewAt)
            {
                return renewed.Value;
            }

            var issued = await RequestAsync(ct);
            _current = issued;
            return issued.Value;
        }
        finally
        {
            _renewal.Release();
        }
    }

    /// <summary>A token the order API refused (its key rotated away, the account changed) is not offered again.</summary>
    public void Forget(string token)
    {
        if (_current is { } current && current.Value == token)
        {
            _current = null;
        }
    }

    public void Dispose() => _renewal.Dispose();

    private async Task<IssuedToken> RequestAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var http = clients.CreateClient(HttpClientName);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = settings.ClientId,
            ["client_secret"] = settings.ClientSecret,
            ["scope"] = Scope,
        });
        using var response = await http.PostAsync(new Uri(settings.GatewayAddress, TokenPath), form, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            // The body is the OAuth error (invalid_client, invalid_grant and why); it holds no secret.
            throw new HttpRequestException($"The token server refused the client '{settings.ClientId}' ({(int)response.StatusCode}): {body}", inner: null, response.StatusCode);
        }

        using var token = JsonDocument.Parse(body);
        var accessToken = token.RootElement.GetProperty("access_token").GetString()
            ?? throw new HttpRequestException("The token server answered without an access token.");
        var lifetime = TimeSpan.FromSeconds(token.RootElement.TryGetProperty("expires_in", out var expiresIn) ? expiresIn.GetInt32() : 0);
        return new IssuedToken(accessToken, clock.GetUtcNow() + (lifetime > RenewBeforeExpiry * 2 ? lifetime - RenewBeforeExpiry : lifetime / 2));
    }
}
