using System.Security.Cryptography;
using System.Xml.Linq;
using AspireMsa.Identity.Api.KeyRing;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMsa.UnitTests;

public class AesGcmXmlEncryptorTests
{
    private const string Secret = "unit-test-key-encryption-secret-0123456789abcdef";
    private static readonly XElement MasterKey = new("masterKey", new XElement("value", "c2VjcmV0LWtleS1tYXRlcmlhbA=="));

    [Fact]
    public void AnEncryptedKey_RoundTripsWithTheSecret_AndItsStoredFormHoldsNoKeyMaterial()
    {
        var key = KeyEncryptionKey.Derive(Secret);

        var encrypted = new AesGcmXmlEncryptor(key).Encrypt(MasterKey);
        var decrypted = Decryptor(key).Decrypt(encrypted.EncryptedElement);

        Assert.DoesNotContain("c2VjcmV0LWtleS1tYXRlcmlhbA==", encrypted.EncryptedElement.ToString(), StringComparison.Ordinal);
        Assert.Equal(typeof(AesGcmXmlDecryptor), encrypted.DecryptorType);
        Assert.True(XNode.DeepEquals(MasterKey, decrypted));
    }

    [Fact]
    public void WithoutTheSecret_OrWithAnother_OrTampered_TheKeyCannotBeDecrypted()
    {
        var encrypted = new AesGcmXmlEncryptor(KeyEncryptionKey.Derive(Secret)).Encrypt(MasterKey).EncryptedElement;
        var tampered = new XElement(encrypted);
        var value = tampered.Element("value")!;
        var bytes = Convert.FromBase64String(value.Value);
        bytes[0] ^= 1;
        value.Value = Convert.ToBase64String(bytes);

        Assert.Throws<CryptographicException>(() => Decryptor(null).Decrypt(encrypted));
        Assert.Throws<CryptographicException>(() => Decryptor(KeyEncryptionKey.Derive(Secret + "-other")).Decrypt(encrypted));
        Assert.ThrowsAny<CryptographicException>(() => Decryptor(KeyEncryptionKey.Derive(Secret)).Decrypt(tampered));
    }

    private static AesGcmXmlDecryptor Decryptor(KeyEncryptionKey? key)
    {
        var services = new ServiceCollection();
        if (key is not null)
        {
            services.AddSingleton(key);
        }

        return new AesGcmXmlDecryptor(services.BuildServiceProvider());
    }
}
