using AspireMsa.Identity.Api.Infrastructure;
using AspireMsa.Identity.Api.Keys;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;

namespace AspireMsa.Identity.Api.KeyRing;

/// <summary>
/// A database from before the ring was encrypted keeps its DataProtection keys in plain XML, so a dump would still open
/// the token keys they protect. At start, if any plain key is left: a new, encrypted key becomes the default, the token
/// keys are protected again with it, and the plain keys are deleted (login cookies they protected end; users sign in again).
/// </summary>
public sealed partial class PlainKeyRingUpgrade(
    IdentityDbContext db, IKeyManager keyManager, TokenKeyManager tokenKeys, TimeProvider clock, ILogger<PlainKeyRingUpgrade> logger)
{
    private static readonly TimeSpan NewKeyLifetime = TimeSpan.FromDays(90);

    public async Task UpgradeAsync(CancellationToken ct)
    {
        var plain = await db.DataProtectionKeys
            .Where(k => k.Xml != null && !k.Xml.Contains(AesGcmXmlEncryptor.ElementName))
            .Select(k => k.Id)
            .ToListAsync(ct);
        if (plain.Count == 0)
        {
            return;
        }

        // Read every token key while the plain keys can still open them, then make an encrypted key the default.
        var opened = await tokenKeys.OpenAllAsync(ct);
        var now = clock.GetUtcNow();
        keyManager.CreateNewKey(now, now + NewKeyLifetime);
        await tokenKeys.ProtectAgainAsync(opened, ct);
        await db.DataProtectionKeys.Where(k => plain.Contains(k.Id)).ExecuteDeleteAsync(ct);
        LogUpgraded(logger, plain.Count, opened.Count);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleted {Count} unencrypted DataProtection keys after protecting {TokenKeys} token keys again under the encrypted ring")]
    private static partial void LogUpgraded(ILogger logger, int count, int tokenKeys);
}
