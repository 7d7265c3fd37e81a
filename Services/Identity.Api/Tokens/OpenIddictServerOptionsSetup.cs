using AspireMsa.Identity.Api.Keys;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace AspireMsa.Identity.Api.Tokens;

/// <summary>
/// Gives OpenIddict the configured issuer and lifetimes and the database-backed keys. Options rather than builder calls
/// (the same as <c>AddSigningKey</c>), because the keys only exist once the start-up seeding has run.
/// </summary>
public sealed class OpenIddictServerOptionsSetup(TokenKeyRing ring, IOptions<TokenServerOptions> tokens) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        var settings = tokens.Value;
        options.Issuer = string.IsNullOrWhiteSpace(settings.Issuer) ? null : new Uri(settings.Issuer, UriKind.Absolute);
        options.AccessTokenLifetime = settings.AccessTokenLifetime;
        options.RefreshTokenLifetime = settings.RefreshTokenLifetime;

        // Newest first: OpenIddict signs with the first key and publishes them all in JWKS, so older tokens still validate.
        // (Its own sort only ranks symmetric and X.509 keys ahead, so a small ring of raw RSA keys keeps this order.)
        options.SigningCredentials.AddRange(ring.SigningKeys.Select(key => new SigningCredentials(key, SecurityAlgorithms.RsaSha256)));
        options.EncryptionCredentials.AddRange(ring.EncryptionKeys.Select(key =>
            new EncryptingCredentials(key, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512)));
    }
}
