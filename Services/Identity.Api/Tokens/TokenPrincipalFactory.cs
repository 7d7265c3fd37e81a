using System.Collections.Immutable;
using System.Security.Claims;
using AspireMsa.Identity.Api.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AspireMsa.Identity.Api.Tokens;

/// <summary>
/// Builds the principals OpenIddict turns into tokens: sub, name, email, roles and category, the granted scopes, and the
/// audiences (resources) those scopes map to in the scope store, with every claim routed by <see cref="ClaimDestinations"/>.
/// </summary>
public sealed class TokenPrincipalFactory(UserManager<IdentityUser> users, IOpenIddictScopeManager scopes)
{
    public async Task<ClaimsPrincipal> ForUserAsync(IdentityUser user, ImmutableArray<string> grantedScopes, CancellationToken ct)
    {
        var identity = NewIdentity();
        await SetUserClaimsAsync(identity, user);
        return await CompleteAsync(identity, grantedScopes, ct);
    }

    /// <summary>
    /// For a refresh token or authorization code: keeps what OpenIddict stored with the grant (scopes, authorization)
    /// but takes the user's claims afresh, so a renamed user or a removed role shows up at the next refresh.
    /// </summary>
    public async Task<ClaimsPrincipal> RenewForUserAsync(ClaimsPrincipal granted, IdentityUser user, CancellationToken ct)
    {
        var identity = new ClaimsIdentity(granted.Claims, TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        await SetUserClaimsAsync(identity, user);
        return await CompleteAsync(identity, identity.GetScopes(), ct);
    }

    /// <summary>A client acting on its own behalf (client credentials): the client is the subject.</summary>
    public Task<ClaimsPrincipal> ForClientAsync(string clientId, string? displayName, ImmutableArray<string> grantedScopes, CancellationToken ct)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, clientId);
        identity.SetClaim(Claims.Name, displayName ?? clientId);
        return CompleteAsync(identity, grantedScopes, ct);
    }

    private static ClaimsIdentity NewIdentity() =>
        new(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);

    private async Task SetUserClaimsAsync(ClaimsIdentity identity, IdentityUser user)
    {
        var userName = await users.GetUserNameAsync(user);
        identity.SetClaim(Claims.Subject, await users.GetUserIdAsync(user));
        identity.SetClaim(Claims.Name, userName);
        identity.SetClaim(Claims.PreferredUsername, userName);
        identity.SetClaim(Claims.Email, await users.GetEmailAsync(user));
        identity.SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);
        // Into the access token (ClaimDestinations), where analytics narrows a category manager's grant to it.
        identity.SetClaims(UserClaimTypes.Category, [.. (await users.GetClaimsAsync(user)).Where(c => c.Type == UserClaimTypes.Category).Select(c => c.Value)]);
    }

    private async Task<ClaimsPrincipal> CompleteAsync(ClaimsIdentity identity, ImmutableArray<string> grantedScopes, CancellationToken ct)
    {
        identity.SetScopes(grantedScopes);
        // The audiences: each API scope names its resource in the scope store (catalog → catalog, ...).
        identity.SetResources(await scopes.ListResourcesAsync(grantedScopes, ct).ToListAsync(ct));
        identity.SetDestinations(ClaimDestinations.For);
        return new ClaimsPrincipal(identity);
    }
}
