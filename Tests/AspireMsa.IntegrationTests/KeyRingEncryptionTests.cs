using System.Security.Cryptography;
using Npgsql;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// A dump of identitydb holds the token keys, protected by the DataProtection key ring, which it also holds: the ring is
/// encrypted under the identity-key-encryption-key parameter, which it does not.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class KeyRingEncryptionTests(SystemFixture system)
{
    [Fact]
    public async Task ADatabaseDumpAlone_OpensNoSigningKey_AndSoForgesNoToken()
    {
        await Assert.ThrowsAnyAsync<CryptographicException>(() => StolenSigningKey.ReadAsync(system, keyEncryptionKey: null));

        await using var connection = await system.OpenDatabaseAsync("identitydb");
        await using var command = new NpgsqlCommand("""SELECT "Xml" FROM "DataProtectionKeys" """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            Assert.Contains("aesGcmEncryptedKey", reader.GetString(0), StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", reader.GetString(0), StringComparison.Ordinal);
        }

        Assert.True(rows > 0, "The key ring is empty: nothing was checked.");
    }

    [Fact]
    public async Task WithTheSecretParameter_TheSameReadYieldsTheRealKey()
    {
        // The control: the dump is read correctly, so the refusal above is the encryption's doing.
        var key = await StolenSigningKey.ReadAsync(system, SystemFixture.KeyEncryptionKey);
        var issuer = IssuedTokens.Payload(await system.TokenAsync("admin")).GetProperty("iss").GetString()!;
        var now = DateTime.UtcNow;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/catalog/products")
        {
            Content = JsonContent.Create(new { name = "Forged with the secret", description = "", price = 1m, category = "forged" }),
        };
        request.Headers.Authorization = new("Bearer", key.Sign(issuer, "catalog", now.AddMinutes(-1), now.AddMinutes(5)));

        Assert.Equal(HttpStatusCode.Created, (await system.Gateway.SendAsync(request)).StatusCode);
    }
}
