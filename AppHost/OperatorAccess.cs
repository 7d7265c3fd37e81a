using System.Net.Http.Headers;
using System.Text.Json;

namespace AspireMsa.AppHost;

/// <summary>
/// Dashboard commands act as the admin: they sign in at the gateway's token endpoint with the <c>admin-password</c>
/// parameter, so the services' admin endpoints can demand the admin role from the dashboard as from any other caller.
/// One token serves every command until shortly before it expires (the token endpoint is rate limited per user).
/// They use the password-grant client, which exists only where <c>DemoUsers:Enabled</c> is true (Development, tests,
/// the benchmark); elsewhere a command answers the token endpoint's refusal.
/// </summary>
public sealed class OperatorAccess(EndpointReference gateway, IResourceBuilder<ParameterResource> adminPassword)
{
    private const string OperatorUser = "admin";

    // Every API's audience, so one token opens the admin endpoints of the gateway, catalog, ordering and inventory.
    private const string Scopes = "roles catalog ordering inventory";

    private static readonly TimeSpan RenewBeforeExpiry = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _current;

    /// <summary>The options of a dashboard command that calls an admin endpoint as the operator and shows its JSON answer.</summary>
    public HttpCommandOptions AdminCommand(HttpMethod method, string description, string iconName, string? confirmationMessage = null) => new()
    {
        Method = method,
        Description = description,
        IconName = iconName,
        ConfirmationMessage = confirmationMessage,
        PrepareRequest = AuthorizeAsync,
        ResultMode = HttpCommandResultMode.Json,
    };

    public async Task AuthorizeAsync(HttpCommandRequestContext context)
    {
        var token = await GetTokenAsync(context.HttpClient, context.CancellationToken);
        context.Request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    private async Task<string> GetTokenAsync(HttpClient http, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } current && current.RenewAt > DateTimeOffset.UtcNow)
            {
                return current.Token;
            }

            var password = await adminPassword.Resource.GetValueAsync(cancellationToken)
                ?? throw new InvalidOperationException("The admin-password parameter has no value.");
            using var response = await http.PostAsync(new Uri(new Uri(gateway.Url), "/connect/token"),
                new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "password",
                    ["client_id"] = "aspiremsa-cli",
                    ["username"] = OperatorUser,
                    ["password"] = password,
                    ["scope"] = Scopes,
                }), cancellationToken);
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var token = body.RootElement.GetProperty("access_token").GetString()
                ?? throw new InvalidOperationException("The token endpoint answered without an access token.");
            var lifetime = TimeSpan.FromSeconds(body.RootElement.GetProperty("expires_in").GetInt32());
            _current = (token, DateTimeOffset.UtcNow + lifetime - RenewBeforeExpiry);
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }
}
