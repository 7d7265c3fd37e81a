using System.ComponentModel.DataAnnotations;

namespace AspireMsa.Identity.Api.KeyRing;

/// <summary>
/// The secret that encrypts the DataProtection key ring (section <c>DataProtection</c>). It comes from the AppHost's
/// <c>identity-key-encryption-key</c> parameter and is never written to the database, so a dump alone opens nothing.
/// </summary>
public sealed class KeyEncryptionOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>The DataProtection application name: payloads protected under it open only under it.</summary>
    public const string ApplicationName = "AspireMsa.Identity";

    /// <summary>At least 32 characters: the AppHost generates 43 random letters and digits (about 256 bits).</summary>
    [Required(ErrorMessage = "DataProtection:KeyEncryptionKey is missing: the key ring cannot be encrypted without it. "
        + "The AppHost passes its 'identity-key-encryption-key' parameter as DataProtection__KeyEncryptionKey; outside the AppHost, set that variable.")]
    [MinLength(32)]
    public string? KeyEncryptionKey { get; set; }
}
