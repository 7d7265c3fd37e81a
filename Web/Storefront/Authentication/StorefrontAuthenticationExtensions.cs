using AspireMsa.ServiceDefaults.Authentication;
using AspireMsa.Storefront.Extensions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace AspireMsa.Storefront.Authentication;

public static class StorefrontAuthenticationExtensions
{
    public const string CookieName = "__storefront";
    public const string CallbackPath = "/signin-oidc";
    public const string SignedOutCallbackPath = "/signout-callback-oidc";

    /// <summary>
    /// Sign-in with the authorization code flow and PKCE as a confidential client; the tokens stay on the server, in the
    /// ticket that <see cref="RedisTicketStore"/> keeps in Redis, and the browser's cookie carries only the ticket's key.
    /// The authority is the issuer the gateway publishes, so the browser is only ever sent to the gateway.
    /// </summary>
    public static IHostApplicationBuilder AddStorefrontAuthentication(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StorefrontOidcOptions>().BindConfiguration(StorefrontOidcOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IdentityOptions>().BindConfiguration(IdentityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RedisTicketStore>();
        services.AddSingleton<TokenRefresher>();
        services.AddSingleton<TokenRevoker>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie()
            .AddOpenIdConnect();

        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<RedisTicketStore, TokenRefresher, IOptions<StorefrontOidcOptions>>((cookie, tickets, refresher, settings) =>
            {
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.SessionStore = tickets;
                cookie.ExpireTimeSpan = settings.Value.SessionLifetime;
                cookie.SlidingExpiration = true;
                cookie.Events.OnValidatePrincipal = refresher.ValidateAsync;
                // Pages challenge through OpenID Connect; what answers here is a fetch from a page (the live order stream),
                // which gets a status it can act on rather than a redirect to a login form.
                cookie.Events.OnRedirectToLogin = context => WriteStatus(context.Response, StatusCodes.Status401Unauthorized);
                // A signed-in user without the role gets the 403 page (rendered by the status-code pages), not a redirect.
                cookie.Events.OnRedirectToAccessDenied = context => WriteStatus(context.Response, StatusCodes.Status403Forbidden);
            });

        services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme)
            .Configure<IOptions<StorefrontOidcOptions>, IOptions<IdentityOptions>>((oidc, settings, identity) =>
            {
                oidc.Authority = identity.Value.Issuer;
                oidc.RequireHttpsMetadata = identity.Value.Issuer.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
                oidc.ClientId = settings.Value.ClientId;
                oidc.ClientSecret = settings.Value.ClientSecret;
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                // The code comes back in the query: form_post needs an inline script, which the gateway's CSP forbids.
                oidc.ResponseMode = OpenIdConnectResponseMode.Query;
                oidc.UsePkce = true;
                oidc.SaveTokens = true;
                oidc.GetClaimsFromUserInfoEndpoint = true;
                oidc.MapInboundClaims = false;
                oidc.TokenValidationParameters.NameClaimType = "name";
                oidc.TokenValidationParameters.RoleClaimType = "role";
                oidc.ClaimActions.MapJsonKey("role", "role");
                oidc.CallbackPath = CallbackPath;
                oidc.SignedOutCallbackPath = SignedOutCallbackPath;
                oidc.SignedOutRedirectUri = "/";
                oidc.Scope.Clear();
                foreach (var scope in settings.Value.Scopes)
                {
                    oidc.Scope.Add(scope);
                }

                // Same origin as the token server (both behind the gateway), so Lax suffices, and plain http works locally.
                oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
                oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.NonceCookie.SameSite = SameSiteMode.Lax;
                oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            });
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        return builder;
    }

    private static Task WriteStatus(HttpResponse response, int statusCode)
    {
        response.StatusCode = statusCode;
        return Task.CompletedTask;
    }
}
