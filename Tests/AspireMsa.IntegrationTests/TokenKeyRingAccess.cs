using System.Security.Cryptography;
using AspireMsa.Identity.Api.Infrastructure;
using AspireMsa.Identity.Api.KeyRing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// The identity database's key ring and token keys as another process sees them: DataProtection over the same table,
/// with the key-encryption secret or without it (a dump), and without encrypting what it writes (a store from before).
/// </summary>
public sealed class TokenKeyRingAccess : IAsyncDisposable
{
    // Must match the identity service's DataProtection application name and the purpose its TokenKeyManager uses.
    private const string ApplicationName = "AspireMsa.Identity";
    private const string ProtectorPurpose = "AspireMsa.Identity.TokenKeys";

    private readonly ServiceProvider _services;

    private TokenKeyRingAccess(ServiceProvider services)
    {
        _services = services;
        Protector = services.GetRequiredService<IDataProtectionProvider>().CreateProtector(ProtectorPurpose);
    }

    public IDataProtector Protector { get; }

    public static TokenKeyRingAccess Create(string identityDb, string? keyEncryptionKey)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<IdentityDbContext>(options => options.UseNpgsql(identityDb));
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<IdentityDbContext>();
        if (keyEncryptionKey is not null)
        {
            services.AddSingleton(KeyEncryptionKey.Derive(keyEncryptionKey));
        }

        return new TokenKeyRingAccess(services.BuildServiceProvider());
    }

    public async Task<IReadOnlyList<string>> RingAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
    }

    public async Task<IReadOnlyList<string>> StoredPemsAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().TokenKeys.Select(k => k.Pem).ToListAsync();
    }

    /// <summary>Gives every token key a new private key protected by this instance's ring (a new plain key, if it has no secret).</summary>
    public async Task ReplaceTokenKeysAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        foreach (var key in await db.TokenKeys.ToListAsync())
        {
            using var rsa = RSA.Create(2048);
            db.Entry(key).Property(k => k.Pem).CurrentValue = Protector.Protect(rsa.ExportPkcs8PrivateKeyPem());
        }

        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
