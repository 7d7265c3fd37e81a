using System.Security.Cryptography;
using AspireMsa.Identity.Api.Infrastructure;
using AspireMsa.Identity.Api.Tokens;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace AspireMsa.Identity.Api.Keys;

/// <summary>
/// Keeps the token keys in the database so they survive restarts and are shared by every replica, and rotates them:
/// a new key signs from the next start on while the keys it replaced stay published until their tokens have expired.
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

    /// <summary>Run at start-up: retires keys whose tokens have all expired, creates a key where none is current, activates the newest.</summary>
    public async Task EnsureCurrentKeysAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var live = await LiveKeysNewestFirstAsync(ct);

        foreach (var use in Enum.GetValues<TokenKeyUse>())
        {
            var ofUse = live.Where(k => k.Use == use).ToList();
            if (ofUse.Count == 0 || ofUse[0].ExpiresAt <= now)
            {
                ofUse.Insert(0, Create(use, now));
            }

            ofUse[0].ActivatedAt ??= now;

            // A key stopped producing tokens when the first newer key was activated; once the longest-lived of those
            // tokens has expired too, nobody needs it any more.
            DateTimeOffset? replacedAt = null;
            foreach (var key in ofUse)
            {
                if (replacedAt is { } since && since + options.Value.ReplacedKeyRetention <= now)
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

    /// <summary>Creates a new key of each use; it takes over at the service's next start (every replica's, when there are several).</summary>
    public async Task<IReadOnlyList<TokenKey>> RotateAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var created = Enum.GetValues<TokenKeyUse>().Select(use => Create(use, now)).ToList();
        await db.SaveChangesAsync(ct);
        return created;
    }

    /// <summary>The live keys of each use, newest first: OpenIddict signs and encrypts with the first and accepts them all.</summary>
    public async Task LoadIntoAsync(TokenKeyRing ring, CancellationToken ct)
    {
        var live = await LiveKeysNewestFirstAsync(ct);
        ring.Load(
            [.. live.Where(k => k.Use == TokenKeyUse.Signing).Select(ToSecurityKey)],
            [.. live.Where(k => k.Use == TokenKeyUse.Encryption).Select(ToSecurityKey)]);
    }

    private Task<List<TokenKey>> LiveKeysNewestFirstAsync(CancellationToken ct) =>
        db.TokenKeys.Where(k => k.RetiredAt == null).OrderByDescending(k => k.NotBefore).ThenByDescending(k => k.CreatedAt).ToListAsync(ct);

    private TokenKey Create(TokenKeyUse use, DateTimeOffset now)
    {
        using var rsa = RSA.Create(RsaKeySizeInBits);
        var key = new TokenKey
        {
            Id = Guid.CreateVersion7(),
            Use = use,
            KeyId = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
            Pem = protector.Protect(rsa.ExportPkcs8PrivateKeyPem()),
            CreatedAt = now,
            NotBefore = now,
            ExpiresAt = now + options.Value.KeyLifetime,
        };
        db.TokenKeys.Add(key);
        LogKeyCreated(logger, use, key.KeyId);
        return key;
    }

    private RsaSecurityKey ToSecurityKey(TokenKey key)
    {
        // Lives as long as the process: OpenIddict holds the key for every token it signs, encrypts or validates.
        var rsa = RSA.Create();
        rsa.ImportFromPem(protector.Unprotect(key.Pem));
        return new RsaSecurityKey(rsa) { KeyId = key.KeyId };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created {Use} key {KeyId}")]
    private static partial void LogKeyCreated(ILogger logger, TokenKeyUse use, string keyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retired {Use} key {KeyId}: every token it produced has expired")]
    private static partial void LogKeyRetired(ILogger logger, TokenKeyUse use, string keyId);
}
