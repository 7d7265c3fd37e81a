using System.Diagnostics.Metrics;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AspireMsa.ServiceDefaults.Authentication;

/// <summary>
/// Validates an access token fully (signature, issuer, audience, lifetime, algorithm, type) the first time it is seen, and
/// then answers from memory until the earlier of its expiry and <see cref="MaxCacheTime"/>. A client sends the same token
/// on every request for minutes, and each full validation costs an RS256 verify that the gateway and then the service pay
/// again; this is the cost the gateway/HAProxy benchmark row measures.
/// Every hit checks the expiry again (with the same clock skew), and a changed signing key set (a rotation, or a key
/// withdrawn from the JWKS) empties the cache, so a withdrawn key stops opening the API at the next request. Each hit
/// gets its own copy of the identity, so nothing one request adds to its user reaches another.
/// Written here because JwtBearer has no validated-token cache; the handler it calls is its documented extension point
/// (<c>JwtBearerOptions.TokenHandlers</c>).
/// </summary>
public sealed class CachingJsonWebTokenHandler : JsonWebTokenHandler, IDisposable
{
    /// <summary>How long a validation is trusted at most, whatever the token's lifetime.</summary>
    public static readonly TimeSpan MaxCacheTime = TimeSpan.FromMinutes(5);

    /// <summary>Tokens remembered at most; beyond it the cache evicts, so a flood of distinct tokens cannot grow memory.</summary>
    public const int MaxEntries = 10_000;

    private static readonly Meter Meter = new("AspireMsa.Authentication");
    private static readonly Counter<long> Lookups = Meter.CreateCounter<long>(
        "aspiremsa.auth.validated_token_cache.lookups", description: "Bearer token validations, by whether the validated-token cache answered (result=hit) or a full validation ran (result=miss).");

    private readonly MemoryCache _validated = new(new MemoryCacheOptions { SizeLimit = MaxEntries, CompactionPercentage = 0.25 });
    private readonly TimeProvider _time;
    private readonly Lock _keysLock = new();
    private object? _lastKeys;
    private string _keysFingerprint = string.Empty;

    public CachingJsonWebTokenHandler(TimeProvider time)
    {
        _time = time;
        MapInboundClaims = false;
    }

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(validationParameters);
        ForgetIfSigningKeysChanged(await SigningKeysAsync(validationParameters));

        var now = _time.GetUtcNow().UtcDateTime;
        var cacheKey = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        if (_validated.TryGetValue(cacheKey, out ValidatedToken? cached) && cached is not null)
        {
            if (now <= cached.TrustedUntil)
            {
                Lookups.Add(1, new KeyValuePair<string, object?>("result", "hit"));
                return cached.ToResult();
            }

            _validated.Remove(cacheKey);
        }

        Lookups.Add(1, new KeyValuePair<string, object?>("result", "miss"));
        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is JsonWebToken validatedToken && result.ClaimsIdentity is { } identity)
        {
            var trustedUntil = Min(validatedToken.ValidTo + validationParameters.ClockSkew, now + MaxCacheTime);
            // The cache's own expiry frees the memory; the check on each hit above is what enforces the time.
            _validated.Set(cacheKey, new ValidatedToken(validatedToken, identity.Clone(), result.Issuer, result.TokenType, trustedUntil),
                new MemoryCacheEntryOptions { AbsoluteExpiration = new DateTimeOffset(trustedUntil, TimeSpan.Zero), Size = 1 });
        }

        return result;
    }

    public void Dispose() => _validated.Dispose();

    /// <summary>
    /// JwtBearer passes its configuration manager rather than the keys (so the base handler can fall back to the last
    /// known good configuration); the manager answers from its cache between refreshes.
    /// </summary>
    private static async Task<IEnumerable<SecurityKey>?> SigningKeysAsync(TokenValidationParameters parameters) =>
        parameters.IssuerSigningKeys
        ?? (parameters.ConfigurationManager is { } manager ? (await manager.GetBaseConfigurationAsync(CancellationToken.None)).SigningKeys : null);

    /// <summary>
    /// JwtBearer hands over the same key collection for as long as its configuration is unchanged, so the reference check
    /// is all most requests pay; a new collection with other keys empties the cache.
    /// </summary>
    private void ForgetIfSigningKeysChanged(IEnumerable<SecurityKey>? keys)
    {
        if (ReferenceEquals(keys, Volatile.Read(ref _lastKeys)))
        {
            return;
        }

        var fingerprint = keys is null ? string.Empty : string.Join(',', keys.Select(key => key.KeyId).Order(StringComparer.Ordinal));
        lock (_keysLock)
        {
            if (fingerprint != _keysFingerprint)
            {
                _validated.Clear();
                _keysFingerprint = fingerprint;
            }

            Volatile.Write(ref _lastKeys, keys);
        }
    }

    private static DateTime Min(DateTime left, DateTime right) => left < right ? left : right;

    private sealed record ValidatedToken(JsonWebToken Token, ClaimsIdentity Identity, string? Issuer, string? TokenType, DateTime TrustedUntil)
    {
        public TokenValidationResult ToResult() => new()
        {
            IsValid = true,
            SecurityToken = Token,
            ClaimsIdentity = Identity.Clone(),
            Issuer = Issuer,
            TokenType = TokenType,
        };
    }
}
