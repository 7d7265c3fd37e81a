using System.Security.Claims;
using AspireMsa.ServiceDefaults.Authentication;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AspireMsa.Identity.Api.Tokens;

/// <summary>
/// Decides which token each claim goes into. Every claim goes into the access token, which APIs and the gateway read;
/// the identity token only carries what the client asked for through the matching OpenID scope.
/// </summary>
public static class ClaimDestinations
{
    private static readonly string[] AccessTokenOnly = [Destinations.AccessToken];
    private static readonly string[] AccessAndIdentityTokens = [Destinations.AccessToken, Destinations.IdentityToken];

    public static IEnumerable<string> For(Claim claim) => claim.Type switch
    {
        Claims.Name or Claims.PreferredUsername => WhenScope(claim, Scopes.Profile),
        Claims.Email => WhenScope(claim, Scopes.Email),
        Claims.Role => WhenScope(claim, Scopes.Roles),
        _ => AccessTokenOnly,
    };

    private static string[] WhenScope(Claim claim, string scope) =>
        claim.Subject?.HasScope(scope) == true ? AccessAndIdentityTokens : AccessTokenOnly;
}
