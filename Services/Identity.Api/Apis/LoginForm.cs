namespace AspireMsa.Identity.Api.Apis;

/// <summary>The login form's fields; <see cref="ReturnUrl"/> is where the authorization endpoint wants the browser back.</summary>
public sealed record LoginForm(string Username, string Password, string? ReturnUrl);
