namespace AspireMsa.Gateway.Canary;

/// <summary>Published on <see cref="CanaryRollbackMonitor.EventsChannel"/> when a canary is rolled back automatically.</summary>
public sealed record CanaryRolledBack(string Release, int Errors, int Requests, TimeSpan Window, DateTimeOffset RolledBackAt);
