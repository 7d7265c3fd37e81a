using Microsoft.IdentityModel.Tokens;

namespace AspireMsa.Identity.Api.Keys;

/// <summary>
/// The keys this instance loaded at start-up, newest first. The token server's options are built from it on first use,
/// which happens after the start-up seeding filled it: a key created later (rotation) is picked up at the next start.
/// </summary>
public sealed class TokenKeyRing
{
    private IReadOnlyList<SecurityKey>? signingKeys;
    private IReadOnlyList<SecurityKey>? encryptionKeys;

    public IReadOnlyList<SecurityKey> SigningKeys => signingKeys ?? throw NotLoaded();

    public IReadOnlyList<SecurityKey> EncryptionKeys => encryptionKeys ?? throw NotLoaded();

    public void Load(IReadOnlyList<SecurityKey> signing, IReadOnlyList<SecurityKey> encryption)
    {
        signingKeys = signing;
        encryptionKeys = encryption;
    }

    private static InvalidOperationException NotLoaded() =>
        new("The token key ring is empty: the start-up seeding loads it before the service answers requests.");
}
