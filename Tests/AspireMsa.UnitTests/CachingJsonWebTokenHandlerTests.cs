using System.Security.Claims;
using System.Security.Cryptography;
using AspireMsa.ServiceDefaults.Authentication;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace AspireMsa.UnitTests;

/// <summary>
/// The validated-token cache answers a token it validated without validating again, but never past the token's expiry,
/// never longer than its bound, and never after the signing keys changed. Each case proves a hit or a miss by validating
/// the second time with parameters that a full validation refuses (another audience).
/// </summary>
public sealed class CachingJsonWebTokenHandlerTests : IDisposable
{
    private const string Issuer = "http://localhost:5080/";
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly CachingJsonWebTokenHandler _handler;

    public CachingJsonWebTokenHandlerTests()
    {
        _key = new RsaSecurityKey(_rsa) { KeyId = "key-1" };
        _handler = new CachingJsonWebTokenHandler(_time);
    }

    [Fact]
    public async Task AValidatedToken_IsAnsweredFromTheCache_WithItsClaims()
    {
        var token = Issue(TimeSpan.FromHours(1));
        var keys = new[] { _key };
        Assert.True((await _handler.ValidateTokenAsync(token, Parameters(keys, "catalog"))).IsValid);

        var hit = await _handler.ValidateTokenAsync(token, Parameters(keys, "elsewhere"));

        Assert.True(hit.IsValid);
        Assert.Equal("alice", hit.ClaimsIdentity.Name);
        Assert.True(hit.ClaimsIdentity.IsAuthenticated);
        Assert.IsType<JsonWebToken>(hit.SecurityToken);
    }

    [Fact]
    public async Task AnInvalidToken_IsNeverCached()
    {
        var token = Issue(TimeSpan.FromHours(1));
        var keys = new[] { _key };
        Assert.False((await _handler.ValidateTokenAsync(token, Parameters(keys, "elsewhere"))).IsValid);

        Assert.False((await _handler.ValidateTokenAsync(token, Parameters(keys, "elsewhere"))).IsValid);
    }

    [Fact]
    public async Task AHit_PastTheTokensExpiry_ValidatesAgain()
    {
        var token = Issue(TimeSpan.FromMinutes(2));
        var keys = new[] { _key };
        Assert.True((await _handler.ValidateTokenAsync(token, Parameters(keys, "catalog"))).IsValid);

        _time.Advance(TimeSpan.FromMinutes(2) + ClockSkew + TimeSpan.FromSeconds(1));

        Assert.False((await _handler.ValidateTokenAsync(token, Parameters(keys, "elsewhere"))).IsValid);
    }

    [Fact]
    public async Task ALongLivedToken_IsTrustedFromTheCache_NoLongerThanTheBound()
    {
        var token = Issue(TimeSpan.FromHours(1));
        var keys = new[] { _key };
        Assert.True((await _handler.ValidateTokenAsync(token, Parameters(keys, "catalog"))).IsValid);

        _time.Advance(CachingJsonWebTokenHandler.MaxCacheTime - TimeSpan.FromSeconds(1));
        Assert.True((await _handler.ValidateTokenAsync(token, Parameters(keys, "elsewhere"))).IsValid);
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.False((await _handler.ValidateTokenAsync(token, Parameters(keys, "elsewhere"))).IsValid);
    }

    [Fact]
    public async Task ChangedSigningKeys_EmptyTheCache_ButTheSameKeysRefetched_DoNot()
    {
        var token = Issue(TimeSpan.FromHours(1));
        Assert.True((await _handler.ValidateTokenAsync(token, Parameters([_key], "catalog"))).IsValid);

        // A refetched JWKS with the same keys is a new collection: still a hit.
        var refetched = new RsaSecurityKey(_rsa.ExportParameters(false)) { KeyId = "key-1" };
        Assert.True((await _handler.ValidateTokenAsync(token, Parameters([refetched], "elsewhere"))).IsValid);

        // The key that signed it withdrawn and another published: the next request validates in full, and fails.
        using var other = RSA.Create(2048);
        var rotated = new RsaSecurityKey(other) { KeyId = "key-2" };
        Assert.False((await _handler.ValidateTokenAsync(token, Parameters([rotated], "catalog"))).IsValid);
    }

    [Fact]
    public async Task KeysFromJwtBearersConfigurationManager_AreWatchedTheSameWay()
    {
        // JwtBearer passes its configuration manager, not the keys.
        var token = Issue(TimeSpan.FromHours(1));
        Assert.True((await _handler.ValidateTokenAsync(token, Parameters(Published(_key), "catalog"))).IsValid);
        Assert.True((await _handler.ValidateTokenAsync(token, Parameters(Published(_key), "elsewhere"))).IsValid);

        using var other = RSA.Create(2048);
        var rotated = Published(new RsaSecurityKey(other) { KeyId = "key-2" });
        Assert.False((await _handler.ValidateTokenAsync(token, Parameters(rotated, "catalog"))).IsValid);
    }

    [Fact]
    public async Task EachHit_GetsItsOwnIdentity()
    {
        var token = Issue(TimeSpan.FromHours(1));
        var keys = new[] { _key };
        var first = await _handler.ValidateTokenAsync(token, Parameters(keys, "catalog"));
        first.ClaimsIdentity.AddClaim(new Claim("role", "admin"));

        var hit = await _handler.ValidateTokenAsync(token, Parameters(keys, "catalog"));

        Assert.DoesNotContain(hit.ClaimsIdentity.Claims, claim => claim is { Type: "role", Value: "admin" });
    }

    public void Dispose()
    {
        _handler.Dispose();
        _rsa.Dispose();
    }

    private string Issue(TimeSpan lifetime)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = "catalog",
            TokenType = "at+jwt",
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Subject = new ClaimsIdentity([new Claim("sub", "alice-id"), new Claim("name", "alice")]),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    private static StaticConfigurationManager<OpenIdConnectConfiguration> Published(SecurityKey key)
    {
        var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
        configuration.SigningKeys.Add(key);
        return new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
    }

    private static TokenValidationParameters Parameters(StaticConfigurationManager<OpenIdConnectConfiguration> published, string audience)
    {
        var parameters = Parameters([], audience);
        parameters.IssuerSigningKeys = null;
        parameters.ConfigurationManager = published;
        return parameters;
    }

    private static TokenValidationParameters Parameters(IEnumerable<SecurityKey> keys, string audience) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = audience,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        ValidTypes = ["at+jwt"],
        IssuerSigningKeys = keys,
        ClockSkew = ClockSkew,
        NameClaimType = "name",
        RoleClaimType = "role",
    };
}
