using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace AspireMsa.Storefront.Authentication;

/// <summary>
/// Refreshes the access token silently when a request finds it close to expiry: the refresh token is exchanged at the
/// token endpoint, the new tokens go back into the ticket in Redis, and the user never sees the sign-in page again
/// until the refresh token itself is refused (revoked, expired, user locked). ASP.NET Core's OpenID Connect handler
/// stores tokens but does not refresh them; this follows its documented cookie-refresh pattern.
/// </summary>
public sealed partial class TokenRefresher(
    IOptionsMonitor<OpenIdConnectOptions> oidcOptions,
    IOptions<StorefrontOidcOptions> settings,
    TimeProvider clock,
    ILogger<TokenRefresher> logger)
{
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var expiresAt = context.Properties.GetTokenValue("expires_at");
        if (!DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expires)
            || expires - clock.GetUtcNow() > settings.Value.RefreshBeforeExpiry)
        {
            return;
        }

        if (context.Properties.GetTokenValue("refresh_token") is not { Length: > 0 } refreshToken)
        {
            context.RejectPrincipal();
            return;
        }

        var oidc = oidcOptions.Get(OpenIdConnectDefaults.AuthenticationScheme);
        var ct = context.HttpContext.RequestAborted;
        try
        {
            var configuration = await oidc.ConfigurationManager!.GetConfigurationAsync(ct);
            using var response = await oidc.Backchannel.PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["client_id"] = oidc.ClientId!,
                ["client_secret"] = oidc.ClientSecret!,
                ["refresh_token"] = refreshToken,
            }), ct);

            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized)
            {
                // The grant is gone (revoked, expired, user locked): the session ends and the next page asks to sign in.
                LogRefreshRefused(logger, context.Principal?.Identity?.Name);
                context.RejectPrincipal();
                return;
            }

            response.EnsureSuccessStatusCode();
            var message = new OpenIdConnectMessage(await response.Content.ReadAsStringAsync(ct));
            context.Properties.UpdateTokenValue("access_token", message.AccessToken);
            if (!string.IsNullOrEmpty(message.RefreshToken))
            {
                context.Properties.UpdateTokenValue("refresh_token", message.RefreshToken);
            }

            var lifetime = int.TryParse(message.ExpiresIn, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? seconds : 300;
            context.Properties.UpdateTokenValue("expires_at", clock.GetUtcNow().AddSeconds(lifetime).ToString("o", CultureInfo.InvariantCulture));
            context.ShouldRenew = true;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            // The token server is away: keep the session; calls that need a fresh token answer "sign in again" meanwhile.
            LogRefreshFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The token server refused to refresh {User}'s tokens; the session ends")]
    private static partial void LogRefreshRefused(ILogger logger, string? user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh an access token; the session is kept and refreshed on a later request")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
