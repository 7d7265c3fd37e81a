namespace AspireMsa.Identity.Api.Apis;

/// <summary>The keys a rotation created; they sign and encrypt from the service's next start on.</summary>
public sealed record KeyRotationResponse(string SigningKeyId, string EncryptionKeyId, DateTimeOffset CreatedAt);
