using AspireMsa.Analytics.Api.Jobs;

namespace AspireMsa.Analytics.Api.Apis;

public sealed record JobRunStepResponse(string Name, JobRunState State, int Attempts, long Rows, double DurationMs);
