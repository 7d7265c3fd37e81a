namespace AspireMsa.IntegrationTests;

/// <summary>An alert as <c>GET /api/alerts</c> lists it.</summary>
public sealed record AlertDto(string Fingerprint, string Name, string Status, string? Severity, string? Summary, Dictionary<string, string> Labels);
