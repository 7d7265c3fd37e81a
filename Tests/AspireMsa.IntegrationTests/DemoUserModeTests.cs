using System.Security.Cryptography;
using AspireMsa.Identity.Api.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// Demo users and the password-grant client exist only where DemoUsers:Enabled is true. The identity service's own
/// start-up (migrations and the real seeders), run here in-process on a fresh database of the system's PostgreSQL: a
/// whole Production system is not needed to see what its seeding does to a store that used to run in demo mode.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class DemoUserModeTests(SystemFixture system)
{
    private static readonly string[] DemoUsers = ["alice", "bob", "ana", "carol", "tess"];

    [Fact]
    public async Task AStoreSwitchedFromDemoModeToProduction_KeepsOnlyTheAdmin_AndLosesThePasswordGrantClient()
    {
        var server = await system.App.GetConnectionStringAsync("postgres") ?? throw new InvalidOperationException("postgres has no connection string.");
        var database = $"identity_mode_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"""CREATE DATABASE "{database}" """);
        var identityDb = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        try
        {
            var demo = await StartIdentityAsync(identityDb, demoUsersEnabled: true);
            Assert.Equal(DemoUsers.Append("admin").Order(), demo.Users.Order());
            Assert.True(demo.HasCliClient);

            var production = await StartIdentityAsync(identityDb, demoUsersEnabled: false);
            Assert.Equal(["admin"], production.Users);
            Assert.False(production.HasCliClient);
            Assert.True(production.AdminOpensWithItsPassword);
        }
        finally
        {
            await ExecuteAsync(server, $"""DROP DATABASE IF EXISTS "{database}" WITH (FORCE)""");
        }
    }

    [Fact]
    public async Task AStoreWithAnUnencryptedKeyRing_IsEncryptedAtItsNextStart_AndItsTokenKeysNoLongerOpenFromADump()
    {
        var server = await system.App.GetConnectionStringAsync("postgres") ?? throw new InvalidOperationException("postgres has no connection string.");
        var database = $"identity_ring_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"""CREATE DATABASE "{database}" """);
        var identityDb = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        try
        {
            await StartIdentityAsync(identityDb, demoUsersEnabled: true);

            // As the store was before the ring was encrypted: a plain DataProtection key protecting every token key.
            await using (var before = TokenKeyProtection(identityDb, keyEncryptionKey: null))
            {
                await before.ReplaceTokenKeysAsync();
                Assert.Contains(await before.RingAsync(), xml => !xml.Contains("aesGcmEncryptedKey", StringComparison.Ordinal));
            }

            await StartIdentityAsync(identityDb, demoUsersEnabled: true);

            await using var dump = TokenKeyProtection(identityDb, keyEncryptionKey: null);
            await using var withSecret = TokenKeyProtection(identityDb, SystemFixture.KeyEncryptionKey);
            Assert.All(await dump.RingAsync(), xml => Assert.Contains("aesGcmEncryptedKey", xml, StringComparison.Ordinal));
            Assert.All(await dump.StoredPemsAsync(), pem => Assert.ThrowsAny<CryptographicException>(() => dump.Protector.Unprotect(pem)));
            Assert.All(await withSecret.StoredPemsAsync(), pem => Assert.StartsWith("-----BEGIN PRIVATE KEY-----", withSecret.Protector.Unprotect(pem), StringComparison.Ordinal));
        }
        finally
        {
            await ExecuteAsync(server, $"""DROP DATABASE IF EXISTS "{database}" WITH (FORCE)""");
        }
    }

    private static TokenKeyRingAccess TokenKeyProtection(string identityDb, string? keyEncryptionKey) => TokenKeyRingAccess.Create(identityDb, keyEncryptionKey);

    private static async Task<SeededStore> StartIdentityAsync(string identityDb, bool demoUsersEnabled)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{IdentityServiceExtensions.DatabaseName}"] = identityDb,
            ["DemoUsers:Enabled"] = demoUsersEnabled.ToString(),
            ["DemoUsers:Password"] = SystemFixture.DemoUserPassword,
            ["AdminAccount:Password"] = SystemFixture.AdminPassword,
            ["DataProtection:KeyEncryptionKey"] = SystemFixture.KeyEncryptionKey,
            ["Tokens:Issuer"] = "http://localhost:5080/",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        IdentityServiceExtensions.AddApplicationServices(builder);

        await using var app = builder.Build();
        // Migrations and seeding run inside StartAsync, before the service would listen.
        await app.StartAsync();
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var admin = await users.FindByNameAsync("admin");
            var adminOpens = admin is not null && await users.CheckPasswordAsync(admin, SystemFixture.AdminPassword);

            await using var connection = new NpgsqlConnection(identityDb);
            await connection.OpenAsync();
            var names = new List<string>();
            await using (var command = new NpgsqlCommand("""SELECT "UserName" FROM "AspNetUsers" """, connection))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    names.Add(reader.GetString(0));
                }
            }

            await using var cli = new NpgsqlCommand("""SELECT count(*) FROM "OpenIddictApplications" WHERE "ClientId" = 'aspiremsa-cli'""", connection);
            return new SeededStore(names, (long)(await cli.ExecuteScalarAsync())! > 0, adminOpens);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed record SeededStore(IReadOnlyList<string> Users, bool HasCliClient, bool AdminOpensWithItsPassword);
}
