using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace AspireMsa.Storefront.Authentication;

/// <summary>
/// Revokes the refresh token at sign-out (RFC 7009), so a copy of it, taken from anywhere, no longer mints access
/// tokens once the user has signed out.
/// </summary>
public sealed partial class TokenRevoker(IOptionsMonitor<OpenIdConnectOptions> oidcOptions, ILogger<TokenRevoker> logger)
{
    public async Task RevokeAsync(string refreshToken, CancellationToken ct)
    {
        var oidc = oidcOptions.Get(OpenIdConnectDefaults.AuthenticationScheme);
        try
        {
            var configuration = await oidc.ConfigurationManager!.GetConfigurationAsync(ct);
            if (configuration.RevocationEndpoint is not { Length: > 0 } revocationEndpoint)
            {
                LogNoRevocationEndpoint(logger);
                return;
            }

            using var response = await oidc.Backchannel.PostAsync(revocationEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["token"] = refreshToken,
                ["token_type_hint"] = "refresh_token",
                ["client_id"] = oidc.ClientId!,
                ["client_secret"] = oidc.ClientSecret!,
            }), ct);
            if (!response.IsSuccessStatusCode)
            {
                LogRevocationRefused(logger, (int)response.StatusCode);
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            // Sign-out still ends the session here; the refresh token then lapses at its own expiry.
            LogRevocationFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The token server publishes no revocation endpoint; refresh tokens lapse only at expiry")]
    private static partial void LogNoRevocationEndpoint(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The token server answered {StatusCode} to a refresh-token revocation")]
    private static partial void LogRevocationRefused(ILogger logger, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not revoke a refresh token at sign-out; it lapses at its own expiry")]
    private static partial void LogRevocationFailed(ILogger logger, Exception exception);
}
