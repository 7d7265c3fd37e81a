namespace AspireMsa.ServiceDefaults.Health;

/// <param name="ConsecutiveFailures">Rounds failed in a row; 0 once a round succeeds again.</param>
public sealed record BackgroundServiceStatus(int ConsecutiveFailures, DateTimeOffset Since, string? LastError);
