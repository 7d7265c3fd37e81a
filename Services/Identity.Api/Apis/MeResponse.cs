namespace AspireMsa.Identity.Api.Apis;

/// <summary>Who the bearer of a verified access token is, and what the token lets them do.</summary>
public sealed record MeResponse(string Id, string Name, string? Email, IReadOnlyList<string> Roles, IReadOnlyList<string> Scopes);
