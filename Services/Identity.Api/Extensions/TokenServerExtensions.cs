using AspireMsa.Identity.Api.Apis;
using AspireMsa.Identity.Api.Clients;
using AspireMsa.Identity.Api.Infrastructure;
using AspireMsa.Identity.Api.Keys;
using AspireMsa.Identity.Api.Tokens;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AspireMsa.Identity.Api.Extensions;

public static class TokenServerExtensions
{
    /// <summary>
    /// OpenIddict as the OAuth 2.0 / OpenID Connect server over the identity database, plus its local validation for this
    /// service's own APIs, which is the default authentication scheme. Browsers log in with the Identity cookie.
    /// </summary>
    public static IHostApplicationBuilder AddTokenServer(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(server =>
            {
                server.SetTokenEndpointUris(ConnectApi.TokenPath.TrimStart('/'))
                    .SetAuthorizationEndpointUris(ConnectApi.AuthorizePath.TrimStart('/'))
                    .SetUserInfoEndpointUris(ConnectApi.UserInfoPath.TrimStart('/'))
                    .SetEndSessionEndpointUris(ConnectApi.LogoutPath.TrimStart('/'))
                    .SetRevocationEndpointUris(ConnectApi.RevokePath.TrimStart('/'));

                server.AllowPasswordFlow()
                    .AllowClientCredentialsFlow()
                    .AllowAuthorizationCodeFlow()
                    .AllowRefreshTokenFlow()
                    .RequireProofKeyForCodeExchange();
                // S256 only: a "plain" challenge is the verifier itself and protects nothing once intercepted (OAuth 2.1).
                server.Configure(options => options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));

                server.RegisterScopes([Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles, Scopes.OfflineAccess, .. ApiScopes.All]);
                server.RegisterClaims(Claims.Subject, Claims.Name, Claims.PreferredUsername, Claims.Email, Claims.Role);

                // Plain signed JWTs, so the gateway and the APIs validate access tokens with the published JWKS alone.
                server.DisableAccessTokenEncryption();

                server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    // Behind the gateway the service speaks plain HTTP in local runs; TLS ends at the edge.
                    .DisableTransportSecurityRequirement();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
            });

        // Issuer, lifetimes and the database-backed keys, applied whenever OpenIddict (re)builds its options.
        builder.Services.AddSingleton<TokenKeyRing>();
        builder.Services.ConfigureOptions<OpenIddictServerOptionsSetup>();
        builder.Services.AddScoped<TokenKeyManager>();
        builder.Services.AddSingleton<TokenKeyRefresher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<TokenKeyRefresher>());
        builder.Services.AddScoped<TokenPrincipalFactory>();

        builder.Services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(options => options.LoginPath = AccountApi.LoginPath));
        builder.Services.AddAuthorization();
        return builder;
    }
}
