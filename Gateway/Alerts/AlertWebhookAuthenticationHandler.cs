using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AspireMsa.Gateway.Alerts;

/// <summary>
/// Authenticates Alertmanager by the shared bearer secret of <see cref="AlertsOptions.WebhookSecret"/>. Alertmanager is a
/// machine with no user account, so it gets its own scheme instead of a token from the identity service.
/// </summary>
public sealed class AlertWebhookAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder, IOptionsMonitor<AlertsOptions> alerts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "alert-webhook";
    public const string SenderRole = "alert-sender";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = alerts.CurrentValue.WebhookSecret;
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(secret) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        // Constant time, so the answer's timing tells a guesser nothing about how much of the secret matched.
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()), Encoding.UTF8.GetBytes(secret)))
        {
            return Task.FromResult(AuthenticateResult.Fail("The alert webhook secret does not match."));
        }

        var identity = new ClaimsIdentity(
            [new Claim("name", "alertmanager"), new Claim("role", SenderRole)], SchemeName, nameType: "name", roleType: "role");
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
