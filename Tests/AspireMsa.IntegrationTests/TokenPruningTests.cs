using Npgsql;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// Issued tokens do not pile up in the identity database for ever: OpenIddict's own pruning (run every second by the
/// fixture) removes revoked and expired tokens older than the retention age, and keeps recent ones and live ones.
/// </summary>
[Collection(SystemCollection.Name)]
public class TokenPruningTests(SystemFixture system)
{
    [Fact]
    public async Task RevokedAndExpiredTokensOlderThanTheRetentionAge_ArePruned_WhileRecentAndLiveOnesStay()
    {
        var probe = $"pruning-probe-{Guid.NewGuid():N}";
        await using var db = await system.OpenDatabaseAsync("identitydb");
        await ExecuteAsync(db, """
            INSERT INTO "OpenIddictTokens" ("Id", "Subject", "Type", "Status", "CreationDate", "ExpirationDate") VALUES
                (@probe || '-old-revoked', @probe, 'refresh_token', 'revoked', now() - interval '8 days', now() + interval '6 days'),
                (@probe || '-old-expired', @probe, 'refresh_token', 'valid', now() - interval '8 days', now() - interval '7 days'),
                (@probe || '-recent-revoked', @probe, 'refresh_token', 'revoked', now() - interval '1 day', now() + interval '13 days'),
                (@probe || '-old-live', @probe, 'refresh_token', 'valid', now() - interval '8 days', now() + interval '6 days');
            """, probe);
        try
        {
            await OrderSagaDriver.EventuallyAsync(
                async () => await TokensAsync(db, probe) is { Count: 2 },
                "the revoked and expired tokens older than 7 days were pruned");
            Assert.Equal([probe + "-old-live", probe + "-recent-revoked"], await TokensAsync(db, probe));
        }
        finally
        {
            await ExecuteAsync(db, """DELETE FROM "OpenIddictTokens" WHERE "Subject" = @probe""", probe);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection db, string sql, string probe)
    {
        await using var command = new NpgsqlCommand(sql, db);
        command.Parameters.AddWithValue("probe", probe);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> TokensAsync(NpgsqlConnection db, string probe)
    {
        await using var command = new NpgsqlCommand("""SELECT "Id" FROM "OpenIddictTokens" WHERE "Subject" = @probe ORDER BY "Id" """, db);
        command.Parameters.AddWithValue("probe", probe);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
