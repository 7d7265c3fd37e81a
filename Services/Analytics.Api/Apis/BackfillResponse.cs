namespace AspireMsa.Analytics.Api.Apis;

/// <summary>The runs a backfill started, one per day, oldest first.</summary>
public sealed record BackfillResponse(string Job, DateOnly From, DateOnly To, IReadOnlyList<JobRunResponse> Runs);
