using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AspireMsa.Identity.Api.Apis;

/// <summary>The minimal HTML the login flow needs; the web front end owns every other page.</summary>
public static class LoginPage
{
    private const string HtmlContentType = "text/html; charset=utf-8";

    public static ContentHttpResult Form(AntiforgeryTokenSet antiforgery, string? returnUrl, string? error = null, int statusCode = StatusCodes.Status200OK) =>
        TypedResults.Content(Page($"""
            <h1>Sign in to AspireMsa</h1>
            {(error is null ? string.Empty : $"<p role=\"alert\">{Encode(error)}</p>")}
            <form method="post">
              <input type="hidden" name="{Encode(antiforgery.FormFieldName)}" value="{Encode(antiforgery.RequestToken ?? string.Empty)}">
              <input type="hidden" name="returnUrl" value="{Encode(returnUrl ?? string.Empty)}">
              <p><label>User name <input name="username" autocomplete="username" required autofocus></label></p>
              <p><label>Password <input name="password" type="password" autocomplete="current-password" required></label></p>
              <p><button type="submit">Sign in</button></p>
            </form>
            """), HtmlContentType, statusCode: statusCode);

    public static ContentHttpResult SignedIn(string userName) =>
        TypedResults.Content(Page($"<h1>Signed in as {Encode(userName)}</h1>"), HtmlContentType);

    private static string Page(string body) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>AspireMsa sign-in</title></head>
        <body>
        {body}
        </body>
        </html>
        """;

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);
}
