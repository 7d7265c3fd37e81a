namespace AspireMsa.Gateway.Alerts;

/// <summary>The body Alertmanager's webhook receiver posts (payload version 4): one group of alerts.</summary>
public sealed record AlertmanagerNotification(string? Status, string? Receiver, IReadOnlyList<AlertmanagerAlert>? Alerts);
