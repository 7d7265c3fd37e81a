using System.Security.Claims;
using AspireMsa.Identity.Api.Tokens;
using AspireMsa.ServiceDefaults.Authentication;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AspireMsa.Identity.Api.Apis;

/// <summary>
/// The OAuth 2.0 / OpenID Connect endpoints. OpenIddict validates each request before these handlers run (client,
/// grant, scopes, PKCE) and writes the responses; errors are the protocol's JSON errors that OAuth clients expect.
/// </summary>
public static class ConnectApi
{
    public const string TokenPath = "/connect/token";
    public const string AuthorizePath = "/connect/authorize";
    public const string UserInfoPath = "/connect/userinfo";
    public const string LogoutPath = "/connect/logout";

    /// <summary>OpenIddict answers it itself (RFC 7009): no handler here, so nothing is mapped for it.</summary>
    public const string RevokePath = "/connect/revoke";

    private const string InvalidCredentials = "The user name or password is invalid, or the account is temporarily locked.";

    public static RouteGroupBuilder MapConnectApi(this IEndpointRouteBuilder app)
    {
        string[] getAndPost = [HttpMethods.Get, HttpMethods.Post];

        // Their contract is the discovery document (/.well-known/openid-configuration), not OpenAPI.
        var api = app.MapGroup(string.Empty).ExcludeFromDescription();
        api.MapPost(TokenPath, Exchange);
        api.MapMethods(AuthorizePath, getAndPost, Authorize);
        api.MapMethods(UserInfoPath, getAndPost, UserInfo);
        api.MapMethods(LogoutPath, getAndPost, Logout);
        return api;
    }

    public static async Task<Results<SignInHttpResult, ForbidHttpResult>> Exchange(
        HttpContext http, [AsParameters] ExchangeServices services, CancellationToken ct)
    {
        var (signIn, applications, principals, passwords, clients) = services;
        var request = GetRequest(http);

        if (request.IsPasswordGrantType())
        {
            var login = await passwords.CheckAsync(request.Username!, request.Password!, ct);
            if (login.RetryAfter is { } wait)
            {
                return Error(Errors.InvalidGrant, TooManyAttempts(wait));
            }

            if (login.User is not { } user)
            {
                return Error(Errors.InvalidGrant, InvalidCredentials);
            }

            return SignIn(await principals.ForUserAsync(user, request.GetScopes(), ct));
        }

        if (request.IsClientCredentialsGrantType())
        {
            // OpenIddict has already authenticated the client and checked its scope permissions.
            var application = await applications.FindByClientIdAsync(request.ClientId!, ct);
            if (application is null)
            {
                return Error(Errors.InvalidClient, "The client is no longer registered.");
            }

            // A client bound to a customer account (the legacy adapter) gets that account's token, roles and all, so the
            // APIs check its calls as they check the customer's own; if the account is gone or locked, it gets none.
            if (clients.Value.AccountActedForBy(request.ClientId!) is { } account)
            {
                var user = await signIn.UserManager.FindByNameAsync(account);
                if (user is null || !await MaySignInAsync(signIn, user))
                {
                    return Error(Errors.InvalidGrant, $"The account '{account}' this client acts for does not exist or may not sign in.");
                }

                return SignIn(await principals.ForUserAsync(user, request.GetScopes(), ct));
            }

            var displayName = await applications.GetDisplayNameAsync(application, ct);
            return SignIn(await principals.ForClientAsync(request.ClientId!, displayName, request.GetScopes(), ct));
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // The code or refresh token is valid, but its user may have been deleted or locked out since it was issued.
            var granted = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
            var user = await FindUserAsync(signIn, granted);
            if (granted is null || user is null || !await MaySignInAsync(signIn, user))
            {
                return Error(Errors.InvalidGrant, "The grant is no longer valid: its user no longer exists or may not sign in.");
            }

            return SignIn(await principals.RenewForUserAsync(granted, user, ct));
        }

        return Error(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    public static async Task<Results<SignInHttpResult, ChallengeHttpResult, ForbidHttpResult>> Authorize(
        HttpContext http, SignInManager<IdentityUser> signIn, TokenPrincipalFactory principals, CancellationToken ct)
    {
        var request = GetRequest(http);
        var login = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = login.Succeeded ? await FindUserAsync(signIn, login.Principal) : null;

        if (user is null || !await MaySignInAsync(signIn, user))
        {
            // prompt=none asks for no page at all: answer login_required rather than showing the login form.
            if (request.HasPromptValue(PromptValues.None))
            {
                return Error(Errors.LoginRequired, "The user is not logged in.");
            }

            // Back here after the login form, with the same parameters (a POSTed request comes back as a GET).
            var parameters = http.Request.HasFormContentType
                ? await http.Request.ReadFormAsync(ct)
                : (IEnumerable<KeyValuePair<string, StringValues>>)http.Request.Query;
            var returnUrl = http.Request.PathBase + http.Request.Path + QueryString.Create(parameters);
            return TypedResults.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [IdentityConstants.ApplicationScheme]);
        }

        return SignIn(await principals.ForUserAsync(user, request.GetScopes(), ct));
    }

    public static async Task<Results<Ok<Dictionary<string, object>>, ChallengeHttpResult>> UserInfo(HttpContext http, UserManager<IdentityUser> users)
    {
        var principal = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var user = principal?.GetClaim(Claims.Subject) is { } id ? await users.FindByIdAsync(id) : null;
        if (principal is null || user is null)
        {
            return TypedResults.Challenge(
                ErrorProperties(Errors.InvalidToken, "The token's subject is not a known user."),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        // Only what the granted scopes allow, as OpenID Connect requires.
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { [Claims.Subject] = await users.GetUserIdAsync(user) };
        if (principal.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = claims[Claims.PreferredUsername] = await users.GetUserNameAsync(user) ?? string.Empty;
        }

        if (principal.HasScope(Scopes.Email))
        {
            claims[Claims.Email] = await users.GetEmailAsync(user) ?? string.Empty;
            claims[Claims.EmailVerified] = await users.IsEmailConfirmedAsync(user);
        }

        if (principal.HasScope(Scopes.Roles))
        {
            claims[Claims.Role] = await users.GetRolesAsync(user);
        }

        return TypedResults.Ok(claims);
    }

    public static async Task<SignOutHttpResult> Logout(HttpContext http, SignInManager<IdentityUser> signIn)
    {
        // Ends the login session; OpenIddict then redirects to the client's registered post_logout_redirect_uri, if any.
        await signIn.SignOutAsync();
        return TypedResults.SignOut(
            new AuthenticationProperties { RedirectUri = http.Request.PathBase + AccountApi.LoginPath },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    /// <summary>Says how long to wait, so the owner of a throttled name knows the refusal is not about the password.</summary>
    public static string TooManyAttempts(TimeSpan wait) =>
        $"Too many sign-in attempts for this user name: try again in {Math.Ceiling(wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)} s.";

    private static OpenIddictRequest GetRequest(HttpContext http) =>
        http.GetOpenIddictServerRequest()
        ?? throw new InvalidOperationException("OpenIddict handles this endpoint's requests: the request should always be present.");

    private static async Task<IdentityUser?> FindUserAsync(SignInManager<IdentityUser> signIn, ClaimsPrincipal? principal) =>
        principal?.GetClaim(Claims.Subject) is { } id ? await signIn.UserManager.FindByIdAsync(id) : null;

    private static async Task<bool> MaySignInAsync(SignInManager<IdentityUser> signIn, IdentityUser user) =>
        await signIn.CanSignInAsync(user) && !await signIn.UserManager.IsLockedOutAsync(user);

    private static SignInHttpResult SignIn(ClaimsPrincipal principal) =>
        TypedResults.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    /// <summary>A Forbid on an OpenIddict endpoint becomes the protocol's error response (400 with error and error_description).</summary>
    private static ForbidHttpResult Error(string error, string description) =>
        TypedResults.Forbid(ErrorProperties(error, description), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    private static AuthenticationProperties ErrorProperties(string error, string description) => new(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    });
}
