using AspireMsa.Identity.Api.SignIn;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace AspireMsa.Identity.Api.Apis;

/// <summary>
/// The login form the authorization endpoint sends browsers to. A successful login sets the Identity cookie and
/// returns to the authorization request, which then issues the code. HTML, so not part of the OpenAPI document.
/// </summary>
public static class AccountApi
{
    public const string LoginPath = "/account/login";

    private const string InvalidCredentials = "The user name or password is invalid, or the account is temporarily locked.";

    public static RouteGroupBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(string.Empty).ExcludeFromDescription();
        api.MapGet(LoginPath, ShowLogin);
        api.MapPost(LoginPath, Login);
        return api;
    }

    public static ContentHttpResult ShowLogin(HttpContext http, IAntiforgery antiforgery, string? returnUrl = null) =>
        LoginPage.Form(antiforgery.GetAndStoreTokens(http), returnUrl);

    public static async Task<Results<RedirectHttpResult, ContentHttpResult>> Login(
        [FromForm] LoginForm form, HttpContext http, IAntiforgery antiforgery, SignInManager<IdentityUser> signIn, PasswordLogin passwords)
    {
        var login = await passwords.CheckAsync(form.Username, form.Password, http.RequestAborted);
        if (login.User is not { } user)
        {
            var error = login.RetryAfter is { } wait ? ConnectApi.TooManyAttempts(wait) : InvalidCredentials;
            return LoginPage.Form(antiforgery.GetAndStoreTokens(http), form.ReturnUrl, error, StatusCodes.Status400BadRequest);
        }

        await signIn.SignInAsync(user, isPersistent: false);

        // Only back into this site: an absolute or protocol-relative return URL would make the form an open redirect.
        return IsLocal(form.ReturnUrl) ? TypedResults.LocalRedirect(form.ReturnUrl!) : LoginPage.SignedIn(form.Username);
    }

    private static bool IsLocal(string? url) =>
        url is ['/', ..] && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
