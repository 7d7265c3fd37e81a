namespace AspireMsa.Analytics.Api.Apis;

public sealed record JobRunStepResponse(string Name, long Rows, double DurationMs);
