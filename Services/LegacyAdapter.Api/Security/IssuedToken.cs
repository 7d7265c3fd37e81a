namespace AspireMsa.LegacyAdapter.Api.Security;

/// <summary>An access token from the token server, and when to ask for the next one.</summary>
public sealed record IssuedToken(string Value, DateTimeOffset RenewAt);
