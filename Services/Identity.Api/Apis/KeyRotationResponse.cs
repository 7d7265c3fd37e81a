namespace AspireMsa.Identity.Api.Apis;

/// <summary>The keys a rotation created: published in JWKS at once, signing and encrypting from <see cref="NotBefore"/> on.</summary>
public sealed record KeyRotationResponse(string SigningKeyId, string EncryptionKeyId, DateTimeOffset CreatedAt, DateTimeOffset NotBefore);
