namespace AspireMsa.Analytics.Api.Apis;

/// <summary>The UTC days to run a job for, both included.</summary>
public sealed record BackfillRequest(DateOnly From, DateOnly To);
