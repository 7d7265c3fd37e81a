using System.Security.Cryptography;
using AspireMsa.Identity.Api.Infrastructure;
using AspireMsa.Identity.Api.Tokens;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace AspireMsa.Identity.Api.Keys;

/// <summary>
/// Keeps the token keys in the database so they survive restarts and are shared by every replica, and rotates them.
/// A new key is published at once but used only from its <see cref="TokenKey.NotBefore"/>, a lead time later, so every
/// validator has fetched it before the first token it signs; the keys it replaces stay published until their tokens expire.
/// </summary>
public sealed partial class TokenKeyManager(
    IdentityDbContext db,
    IDataProtectionProvider dataProtection,
    TimeProvider clock,
    IOptions<TokenServerOptions> options,
    ILogger<TokenKeyManager> logger)
{
    private const int RsaKeySizeInBits = 2048;
    private const string ProtectorPurpose = "AspireMsa.Identity.TokenKeys";

    private readonly IDataProtector protector = dataProtection.CreateProtector(ProtectorPurpose);

    /// <summary>
    /// Run at start-up and at every key refresh: creates a first key where none exists, publishes a successor a lead time
    /// before the current key expires, marks the key in use as activated, and retires keys whose tokens have all expired.
    /// </summary>
    public async Task EnsureCurrentKeysAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        var live = await LiveKeysNewestFirstAsync(ct);

        foreach (var use in Enum.GetValues<TokenKeyUse>())
        {
            var ofUse = live.Where(k => k.Use == use).ToList();
            var current = ofUse.FirstOrDefault(k => k.NotBefore <= now);
            if (current is null)
            {
                // Nothing signs yet (a new database): no validator can hold a stale key set, so the first key is used at once.
                current = Create(use, now);
                ofUse.Insert(0, current);
            }
            else if (current.ExpiresAt - settings.KeyPublishLeadTime <= now && !ofUse.Any(k => k.NotBefore > now))
            {
                ofUse.Insert(0, Create(use, now + settings.KeyPublishLeadTime));
            }

            current.ActivatedAt ??= now;

            // A key stopped producing tokens when the first newer key was activated; once the longest-lived of those
            // tokens has expired too, nobody needs it any more.
            DateTimeOffset? replacedAt = null;
            foreach (var key in ofUse.Where(k => k.NotBefore <= now))
            {
                if (replacedAt is { } since && since + settings.ReplacedKeyRetention <= now)
                {
                    key.RetiredAt = now;
                    LogKeyRetired(logger, use, key.KeyId);
                }

                if (key.ActivatedAt is { } activated && (replacedAt is null || activated < replacedAt))
                {
                    replacedAt = activated;
                }
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Creates a new key of each use: published at once, used from a lead time later by every replica.</summary>
    public async Task<IReadOnlyList<TokenKey>> RotateAsync(CancellationToken ct)
    {
        var notBefore = clock.GetUtcNow() + options.Value.KeyPublishLeadTime;
        var created = Enum.GetValues<TokenKeyUse>().Select(use => Create(use, notBefore)).ToList();
        await db.SaveChangesAsync(ct);
        return created;
    }

    /// <summary>
    /// The live keys of each use, the one in use first, then the published successor and the replaced ones: OpenIddict
    /// signs and encrypts with the first and publishes and accepts them all.
    /// </summary>
    /// <returns>True when the ring changed.</returns>
    public async Task<bool> LoadIntoAsync(TokenKeyRing ring, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var live = await LiveKeysNewestFirstAsync(ct);
        var nextActivation = live.Where(k => k.NotBefore > now).Select(k => (DateTimeOffset?)k.NotBefore).Min();
        return ring.Load(InUseOrder(live, TokenKeyUse.Signing, now), InUseOrder(live, TokenKeyUse.Encryption, now), nextActivation);

        IReadOnlyList<TokenKeyRing.Entry> InUseOrder(List<TokenKey> keys, TokenKeyUse use, DateTimeOffset at) =>
        [
            .. keys.Where(k => k.Use == use).OrderBy(k => k.NotBefore <= at ? 0 : 1).Select(k => new TokenKeyRing.Entry(k.KeyId, () => ToSecurityKey(k))),
        ];
    }

    /// <summary>Every stored token key's private key, opened with the ring as it is now (see <c>PlainKeyRingUpgrade</c>).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> OpenAllAsync(CancellationToken ct) =>
        (await db.TokenKeys.ToListAsync(ct)).ToDictionary(k => k.Id, k => protector.Unprotect(k.Pem));

    /// <summary>Protects the opened keys again with the default key of <paramref name="ring"/>.</summary>
    public async Task ProtectAgainAsync(IReadOnlyDictionary<Guid, string> opened, IDataProtectionProvider ring, CancellationToken ct)
    {
        var freshProtector = ring.CreateProtector(ProtectorPurpose);
        foreach (var key in await db.TokenKeys.ToListAsync(ct))
        {
            db.Entry(key).Property(k => k.Pem).CurrentValue = freshProtector.Protect(opened[key.Id]);
        }

        await db.SaveChangesAsync(ct);
    }

    private Task<List<TokenKey>> LiveKeysNewestFirstAsync(CancellationToken ct) =>
        db.TokenKeys.Where(k => k.RetiredAt == null).OrderByDescending(k => k.NotBefore).ThenByDescending(k => k.CreatedAt).ToListAsync(ct);

    private TokenKey Create(TokenKeyUse use, DateTimeOffset notBefore)
    {
        using var rsa = RSA.Create(RsaKeySizeInBits);
        var key = new TokenKey
        {
            Id = Guid.CreateVersion7(),
            Use = use,
            KeyId = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
            Pem = protector.Protect(rsa.ExportPkcs8PrivateKeyPem()),
            CreatedAt = clock.GetUtcNow(),
            NotBefore = notBefore,
            ExpiresAt = notBefore + options.Value.KeyLifetime,
        };
        db.TokenKeys.Add(key);
        LogKeyCreated(logger, use, key.KeyId, notBefore);
        return key;
    }

    private RsaSecurityKey ToSecurityKey(TokenKey key)
    {
        // Lives as long as the process: OpenIddict holds the key for every token it signs, encrypts or validates.
        var rsa = RSA.Create();
        rsa.ImportFromPem(protector.Unprotect(key.Pem));
        return new RsaSecurityKey(rsa) { KeyId = key.KeyId };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created {Use} key {KeyId}, published now and used from {NotBefore}")]
    private static partial void LogKeyCreated(ILogger logger, TokenKeyUse use, string keyId, DateTimeOffset notBefore);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retired {Use} key {KeyId}: every token it produced has expired")]
    private static partial void LogKeyRetired(ILogger logger, TokenKeyUse use, string keyId);
}
