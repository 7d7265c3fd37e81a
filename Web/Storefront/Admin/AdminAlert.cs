namespace AspireMsa.Storefront.Admin;

/// <summary>An alert as the gateway lists it (its latest notified state); labels and annotations are not shown here.</summary>
public sealed record AdminAlert(
    string Fingerprint,
    string Name,
    string Status,
    string? Severity,
    string? Summary,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    DateTimeOffset ReceivedAt);
