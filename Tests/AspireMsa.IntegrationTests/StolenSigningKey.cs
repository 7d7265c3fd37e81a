using System.Security.Claims;
using System.Security.Cryptography;
using System.Xml.Linq;
using AspireMsa.Identity.Api.KeyRing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// The identity service's real signing key, read from its database the way the service itself reads it: with the key
/// ring's encryption secret (an insider with the AppHost's parameters), or from the database dump alone (an attacker).
/// With it a test can sign tokens whose only flaw is the claim under test (issuer, audience, lifetime), proving each
/// check is made on its own and not just the signature.
/// </summary>
public sealed class StolenSigningKey
{
    // Must match the identity service's DataProtection application name and the purpose its TokenKeyManager uses.
    private const string ApplicationName = "AspireMsa.Identity";
    private const string ProtectorPurpose = "AspireMsa.Identity.TokenKeys";

    private readonly RsaSecurityKey _key;

    private StolenSigningKey(RsaSecurityKey key) => _key = key;

    /// <param name="keyEncryptionKey">The <c>identity-key-encryption-key</c> parameter, or null for what a dump alone gives.</param>
    public static async Task<StolenSigningKey> ReadAsync(SystemFixture system, string? keyEncryptionKey = SystemFixture.KeyEncryptionKey)
    {
        await using var connection = await system.OpenDatabaseAsync("identitydb");
        var keyRing = new List<XElement>();
        await using (var command = new NpgsqlCommand("""SELECT "Xml" FROM "DataProtectionKeys" """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                keyRing.Add(XElement.Parse(reader.GetString(0)));
            }
        }

        string keyId, pem;
        await using (var command = new NpgsqlCommand(
            """SELECT "KeyId", "Pem" FROM token_keys WHERE "Use" = 'Signing' AND "RetiredAt" IS NULL AND "ActivatedAt" IS NOT NULL ORDER BY "NotBefore" DESC LIMIT 1""",
            connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync(), "The identity service has no active signing key.");
            (keyId, pem) = (reader.GetString(0), reader.GetString(1));
        }

        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.Configure<KeyManagementOptions>(options => options.XmlRepository = new ReadOnlyKeyRing(keyRing));
        if (keyEncryptionKey is not null)
        {
            services.AddSingleton(KeyEncryptionKey.Derive(keyEncryptionKey));
        }

        await using var provider = services.BuildServiceProvider();
        var protector = provider.GetRequiredService<IDataProtectionProvider>().CreateProtector(ProtectorPurpose);

        var rsa = RSA.Create();
        rsa.ImportFromPem(protector.Unprotect(pem));
        return new StolenSigningKey(new RsaSecurityKey(rsa) { KeyId = keyId });
    }

    public string Sign(string issuer, string audience, DateTime notBefore, DateTime expires) =>
        Sign(issuer, audience, notBefore, expires, [new Claim("role", "admin"), new Claim("scope", "catalog")]);

    /// <summary>A token of the given type whose subject holds exactly <paramref name="grants"/> (its roles and scopes).</summary>
    public string Sign(string issuer, string audience, DateTime notBefore, DateTime expires, IEnumerable<Claim> grants, string tokenType = "at+jwt") =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = expires,
            Subject = new ClaimsIdentity([new Claim("sub", "forged-admin"), new Claim("name", "forged"), .. grants]),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
            TokenType = tokenType,
        });

    private sealed class ReadOnlyKeyRing(IReadOnlyCollection<XElement> elements) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements() => elements;

        public void StoreElement(XElement element, string friendlyName) =>
            throw new InvalidOperationException("The test only reads the identity service's key ring.");
    }
}
