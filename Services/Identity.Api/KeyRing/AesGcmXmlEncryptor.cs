using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace AspireMsa.Identity.Api.KeyRing;

/// <summary>
/// Encrypts each DataProtection key with AES-256-GCM under <see cref="KeyEncryptionKey"/> before it reaches the database.
/// Hand-written because ASP.NET Core ships no symmetric-secret encryptor: its choices are Windows DPAPI, an X.509
/// certificate from a store, or a cloud key vault, and none of them fits a secret parameter on any OS.
/// </summary>
public sealed class AesGcmXmlEncryptor(KeyEncryptionKey key) : IXmlEncryptor
{
    public const string ElementName = "aesGcmEncryptedKey";
    public const string KeyIdAttribute = "kekId";

    private const int NonceSizeInBytes = 12;
    private const int TagSizeInBytes = 16;

    /// <summary>Binds every ciphertext to this format, so it cannot be replayed under another scheme that shares the key.</summary>
    internal static readonly byte[] AssociatedData = Encoding.UTF8.GetBytes(ElementName + ".v1");

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);

        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(NonceSizeInBytes);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[TagSizeInBytes];
        using (var aes = new AesGcm(key.Key, TagSizeInBytes))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag, AssociatedData);
        }

        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement(ElementName,
            new XAttribute(KeyIdAttribute, key.Id),
            new XComment(" Encrypted with AES-256-GCM under a key derived from the identity-key-encryption-key parameter. "),
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("tag", Convert.ToBase64String(tag)),
            new XElement("value", Convert.ToBase64String(ciphertext)));
        return new EncryptedXmlInfo(element, typeof(AesGcmXmlDecryptor));
    }
}
