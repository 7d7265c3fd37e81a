using System.Xml.Linq;
using AspireMsa.Identity.Api.Infrastructure;
using AspireMsa.Identity.Api.Keys;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;

namespace AspireMsa.Identity.Api.KeyRing;

/// <summary>
/// A database from before the ring was encrypted keeps its DataProtection keys in plain XML, so a dump would still open
/// the token keys they protect. At start, if any plain key is left: a new, encrypted key becomes the default, the token
/// keys are protected again with it, and the plain keys are deleted (login cookies they protected end; users sign in again).
/// </summary>
public sealed partial class PlainKeyRingUpgrade(
    IdentityDbContext db,
    IKeyManager keyManager,
    KeyEncryptionKey encryptionKey,
    TokenKeyManager tokenKeys,
    TimeProvider clock,
    ILogger<PlainKeyRingUpgrade> logger)
{
    private static readonly TimeSpan NewKeyLifetime = TimeSpan.FromDays(90);

    public async Task UpgradeAsync(CancellationToken ct)
    {
        var plain = await PlainElements().Select(k => k.Xml!).ToListAsync(ct);
        if (plain.Count == 0)
        {
            return;
        }

        // Read every token key while the plain keys can still open them, revoke them, and protect the token keys again
        // with a ring loaded afresh: this process's ring is cached and would keep protecting with the plain default key.
        var opened = await tokenKeys.OpenAllAsync(ct);
        var now = clock.GetUtcNow();
        keyManager.CreateNewKey(now, now + NewKeyLifetime);
        foreach (var keyId in plain.Select(XElement.Parse).Where(e => e.Name == "key").Select(e => (Guid)e.Attribute("id")!))
        {
            keyManager.RevokeKey(keyId, "Stored unencrypted before the key ring was encrypted.");
        }

        await using (var fresh = FreshRing())
        {
            await tokenKeys.ProtectAgainAsync(opened, fresh.GetRequiredService<IDataProtectionProvider>(), ct);
        }

        // The plain keys and their revocations: nothing unencrypted stays.
        var deleted = await PlainElements().ExecuteDeleteAsync(ct);
        LogUpgraded(logger, deleted, opened.Count);
    }

    private ServiceProvider FreshRing()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<IdentityDbContext>(options => options.UseNpgsql(db.Database.GetConnectionString()));
        services.AddDataProtection().SetApplicationName(KeyEncryptionOptions.ApplicationName).PersistKeysToDbContext<IdentityDbContext>();
        services.Configure<KeyManagementOptions>(options =>
        {
            options.XmlEncryptor = new AesGcmXmlEncryptor(encryptionKey);
            options.AutoGenerateKeys = false;
        });
        services.AddSingleton(encryptionKey);
        return services.BuildServiceProvider();
    }

    private IQueryable<DataProtectionKey> PlainElements() =>
        db.DataProtectionKeys.Where(k => k.Xml != null && !k.Xml.Contains(AesGcmXmlEncryptor.ElementName));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleted {Count} unencrypted DataProtection keys after protecting {TokenKeys} token keys again under the encrypted ring")]
    private static partial void LogUpgraded(ILogger logger, int count, int tokenKeys);
}
