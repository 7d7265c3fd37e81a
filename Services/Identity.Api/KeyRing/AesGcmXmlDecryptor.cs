using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMsa.Identity.Api.KeyRing;

/// <summary>
/// Reverses <see cref="AesGcmXmlEncryptor"/>. DataProtection creates it by type name from the stored XML, passing the
/// service provider, so the key comes from this process's configuration, never from the stored element.
/// </summary>
public sealed class AesGcmXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    private const int TagSizeInBytes = 16;

    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);

        var key = services.GetService<KeyEncryptionKey>()
            ?? throw new CryptographicException("This key is encrypted with the identity-key-encryption-key parameter, which this process does not have.");
        if (!string.Equals((string?)encryptedElement.Attribute(AesGcmXmlEncryptor.KeyIdAttribute), key.Id, StringComparison.Ordinal))
        {
            throw new CryptographicException("This key was encrypted under another identity-key-encryption-key than the configured one.");
        }

        var nonce = Read(encryptedElement, "nonce");
        var tag = Read(encryptedElement, "tag");
        var ciphertext = Read(encryptedElement, "value");
        var plaintext = new byte[ciphertext.Length];
        using (var aes = new AesGcm(key.Key, TagSizeInBytes))
        {
            aes.Decrypt(nonce, ciphertext, tag, plaintext, AesGcmXmlEncryptor.AssociatedData);
        }

        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private static byte[] Read(XElement encrypted, string name) =>
        Convert.FromBase64String((string?)encrypted.Element(name) ?? throw new CryptographicException($"The encrypted key has no <{name}>."));
}
