namespace AspireMsa.Identity.Api.Keys;

/// <summary>What a <see cref="TokenKey"/> does: sign tokens (published in JWKS) or encrypt the server's own tokens (never published).</summary>
public enum TokenKeyUse
{
    Signing,
    Encryption,
}
