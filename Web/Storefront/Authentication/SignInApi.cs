using AspireMsa.Storefront.Extensions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AspireMsa.Storefront.Authentication;

/// <summary>Sign-in sends the browser to the token server (through the gateway); sign-out ends the session everywhere.</summary>
public static class SignInApi
{
    public const string SignInPath = "/signin";
    public const string SignOutPath = "/signout";

    public static RouteGroupBuilder MapSignInApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(string.Empty).ExcludeFromDescription();
        api.MapGet(SignInPath, SignIn).AllowAnonymous();
        // A POST with the antiforgery token: a link on another site cannot sign a shopper out.
        api.MapPost(SignOutPath, SignOutAsync).RequireAuthorization()
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .AddEndpointFilter<AntiforgeryTokenRequired>();
        return api;
    }

    public static ChallengeHttpResult SignIn(string? returnUrl = null) =>
        TypedResults.Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]);

    /// <summary>
    /// Revokes the refresh token, removes the ticket from Redis and the cookie, then ends the token server's own login
    /// session (its end-session endpoint), which returns the browser to the store.
    /// </summary>
    public static async Task<SignOutHttpResult> SignOutAsync(HttpContext context, TokenRevoker revoker)
    {
        if (await context.GetTokenAsync("refresh_token") is { Length: > 0 } refreshToken)
        {
            await revoker.RevokeAsync(refreshToken, context.RequestAborted);
        }

        return TypedResults.SignOut(
            new AuthenticationProperties { RedirectUri = "/" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
    }

    /// <summary>Only back into the store: an absolute or protocol-relative URL would make sign-in an open redirect.</summary>
    public static string LocalOrHome(string? url) =>
        url is ['/', ..] && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
