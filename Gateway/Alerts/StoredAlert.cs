namespace AspireMsa.Gateway.Alerts;

/// <summary>An alert as the gateway keeps and lists it: its latest state, as last notified.</summary>
public sealed record StoredAlert(
    string Fingerprint,
    string Name,
    string Status,
    string? Severity,
    string? Summary,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    DateTimeOffset ReceivedAt);
