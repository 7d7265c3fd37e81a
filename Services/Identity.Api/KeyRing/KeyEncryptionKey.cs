using System.Security.Cryptography;
using System.Text;

namespace AspireMsa.Identity.Api.KeyRing;

/// <summary>
/// The AES-256 key derived from the configured secret with HKDF-SHA256, and a short public id of it, so a ring encrypted
/// under another secret fails with a clear message instead of a bare authentication-tag error.
/// </summary>
public sealed class KeyEncryptionKey
{
    private const int KeySizeInBytes = 32;
    private const int IdSizeInBytes = 8;
    private static readonly byte[] KeyInfo = Encoding.UTF8.GetBytes("AspireMsa.Identity.KeyRing.AES-256-GCM.v1");
    private static readonly byte[] IdInfo = Encoding.UTF8.GetBytes("AspireMsa.Identity.KeyRing.KeyId.v1");

    private KeyEncryptionKey(byte[] key, string id)
    {
        Key = key;
        Id = id;
    }

    public byte[] Key { get; }

    public string Id { get; }

    public static KeyEncryptionKey Derive(string secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        // The secret is already random (a generated parameter), so HKDF needs no salt; distinct infos separate the outputs.
        var material = Encoding.UTF8.GetBytes(secret);
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, material, KeySizeInBytes, salt: [], info: KeyInfo);
        var id = HKDF.DeriveKey(HashAlgorithmName.SHA256, material, IdSizeInBytes, salt: [], info: IdInfo);
        return new KeyEncryptionKey(key, Convert.ToHexStringLower(id));
    }
}
