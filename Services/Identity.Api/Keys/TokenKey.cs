namespace AspireMsa.Identity.Api.Keys;

/// <summary>
/// An RSA key of the token server. The newest non-retired key of each use whose <see cref="NotBefore"/> has passed signs
/// (or encrypts); a newer one is already published, older ones stay loaded until <see cref="RetiredAt"/> so tokens they
/// produced remain valid. <see cref="Pem"/> holds the private key protected by ASP.NET Core DataProtection, whose key ring
/// lives in the same database, encrypted under a secret that does not.
/// </summary>
public sealed class TokenKey
{
    public const int UseMaxLength = 16;
    public const int KeyIdMaxLength = 64;

    public Guid Id { get; init; }

    public TokenKeyUse Use { get; init; }

    /// <summary>The JWK <c>kid</c>, so a validator picks the right key from JWKS.</summary>
    public required string KeyId { get; init; }

    public required string Pem { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>From this instant the key signs (or encrypts); until then it is only published.</summary>
    public DateTimeOffset NotBefore { get; init; }

    /// <summary>A publish lead time before this instant, the service creates a successor.</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>When a replica first found this key in use, i.e. began signing or encrypting with it.</summary>
    public DateTimeOffset? ActivatedAt { get; set; }

    /// <summary>When the key stopped being loaded at all; set once every token it produced has expired.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
}
