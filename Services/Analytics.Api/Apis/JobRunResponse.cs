using AspireMsa.Analytics.Api.Jobs;

namespace AspireMsa.Analytics.Api.Apis;

/// <summary>A run as the history shows it: the duration is the latest attempt's (a workflow's, from its first step's start), and each step's state and attempts.</summary>
public sealed record JobRunResponse(
    Guid Id,
    string Job,
    DateOnly Day,
    JobRunState State,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    double? DurationMs,
    string? Error,
    IReadOnlyList<JobRunStepResponse> Steps)
{
    public static JobRunResponse From(JobRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(
            run.Id,
            run.JobName,
            run.Day,
            run.State,
            run.Attempts,
            run.CreatedAt,
            run.StartedAt,
            run.FinishedAt,
            run is { StartedAt: { } started, FinishedAt: { } finished } ? (finished - started).TotalMilliseconds : null,
            run.Error,
            [.. run.Steps.OrderBy(s => s.Id).Select(s => new JobRunStepResponse(s.Name, s.State, s.Attempts, s.Rows, s.Duration.TotalMilliseconds))]);
    }
}
