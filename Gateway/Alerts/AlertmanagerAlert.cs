namespace AspireMsa.Gateway.Alerts;

/// <summary>One alert in an Alertmanager notification; the fingerprint identifies it across firing and resolving.</summary>
public sealed record AlertmanagerAlert(
    string? Status,
    IReadOnlyDictionary<string, string>? Labels,
    IReadOnlyDictionary<string, string>? Annotations,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? GeneratorUrl,
    string? Fingerprint);
