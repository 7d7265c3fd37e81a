using AspireMsa.Identity.Api.Clients;
using AspireMsa.Identity.Api.KeyRing;
using AspireMsa.Identity.Api.Keys;
using AspireMsa.Identity.Api.Users;
using Microsoft.EntityFrameworkCore;

namespace AspireMsa.Identity.Api.Infrastructure;

/// <summary>Runs after the migrations at every start: the admin, demo users, clients and scopes, the key ring, token keys, then loads the keys.</summary>
public static class IdentitySeeder
{
    /// <summary>Any number will do, as long as every replica of this service uses the same one on this database.</summary>
    public const long SeedLockKey = 0x4944_454E_5449_5459;

    public static async Task SeedAsync(IdentityDbContext db, IServiceProvider services, CancellationToken ct)
    {
        // One transaction, and replicas starting together take turns: no half-seeded database, no duplicate users or keys.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SeedLockKey})", ct);

        await services.GetRequiredService<AdminAccountSeeder>().SeedAsync();
        await services.GetRequiredService<DemoUserSeeder>().SeedAsync();
        await services.GetRequiredService<ClientSeeder>().SeedAsync(ct);

        await services.GetRequiredService<PlainKeyRingUpgrade>().UpgradeAsync(ct);
        var keys = services.GetRequiredService<TokenKeyManager>();
        await keys.EnsureCurrentKeysAsync(ct);
        await keys.LoadIntoAsync(services.GetRequiredService<TokenKeyRing>(), ct);

        await transaction.CommitAsync(ct);
    }
}
