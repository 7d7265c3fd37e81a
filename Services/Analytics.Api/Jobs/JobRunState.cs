namespace AspireMsa.Analytics.Api.Jobs;

/// <summary>Where a run stands: enqueued, running, waiting for a retry after a failed attempt, or finished either way.</summary>
public enum JobRunState
{
    Enqueued,
    Running,
    Retrying,
    Succeeded,
    Failed,
}
