namespace AspireMsa.Analytics.Api.Apis;

/// <summary>The UTC day to run the job for; today's when left out.</summary>
public sealed record StartRunRequest(DateOnly? Day);
