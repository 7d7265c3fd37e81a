using AspireMsa.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Microsoft.Extensions.Hosting;

public static class AuthenticationExtensions
{
    public const string MetadataClientName = "identity-metadata";

    /// <summary>Only the algorithm our token server signs with; <c>none</c> and HMAC confusion are refused outright.</summary>
    private static readonly string[] AllowedAlgorithms = [SecurityAlgorithms.RsaSha256];

    /// <summary>Access tokens only (RFC 9068 <c>typ</c>): an identity token, signed by the same key, opens no API.</summary>
    private static readonly string[] AllowedTokenTypes = ["at+jwt"];

    /// <summary>
    /// Validates bearer tokens from the identity service: signature through its JWKS (found by service discovery),
    /// issuer, audience, lifetime, algorithm and token type, and registers the shared <see cref="ApiPolicies"/>. The
    /// gateway checks the same token first; services check again (defense in depth) and take the user only from the
    /// validated claims, never from forwarded headers.
    /// </summary>
    /// <param name="audiences">The API audiences this process accepts, e.g. <c>catalog</c>.</param>
    public static TBuilder AddDefaultAuthentication<TBuilder>(this TBuilder builder, params string[] audiences) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddOptions<IdentityOptions>()
            .BindConfiguration(IdentityOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddHttpClient(MetadataClientName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<CachingJsonWebTokenHandler>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<IdentityOptions>, IHttpClientFactory, CachingJsonWebTokenHandler>((options, identity, httpClients, tokenHandler) =>
            {
                var settings = identity.Value;
                options.MetadataAddress = $"{settings.MetadataAuthority.TrimEnd('/')}/.well-known/openid-configuration";
                // Inside the application the token server is reached over plain HTTP by its discovery name.
                options.RequireHttpsMetadata = false;
                options.Backchannel = httpClients.CreateClient(MetadataClientName);
                options.MapInboundClaims = false;
                // A token is validated fully once and then answered from a bounded cache: CachingJsonWebTokenHandler.
                options.TokenHandlers.Clear();
                options.TokenHandlers.Add(tokenHandler);
                options.Events = ProblemDetailsBearerEvents.Create();
                // Refreshes forced by SigningKeyRefresher (and by a token with an unknown key id) may happen this often.
                options.RefreshInterval = settings.SigningKeyRefreshInterval;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuers = [settings.Issuer.TrimEnd('/'), settings.Issuer.TrimEnd('/') + "/"],
                    ValidAudiences = audiences,
                    ValidAlgorithms = AllowedAlgorithms,
                    ValidTypes = AllowedTokenTypes,
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    ValidateIssuerSigningKey = true,
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    ClockSkew = settings.ClockSkew,
                    NameClaimType = "name",
                    RoleClaimType = "role",
                };
            });

        builder.Services.AddHostedService<SigningKeyRefresher>();
        builder.Services.AddAuthorizationBuilder().AddApiPolicies();
        return builder;
    }
}
