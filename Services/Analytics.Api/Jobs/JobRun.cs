namespace AspireMsa.Analytics.Api.Jobs;

/// <summary>
/// One run of a job for one UTC day, kept after Hangfire expires its own record of the job: the history operators read.
/// Each attempt (Hangfire retries a failed one) counts, and its steps replace those of the attempt before.
/// </summary>
public sealed class JobRun
{
    public const int JobNameMaxLength = 100;
    public const int ErrorMaxLength = 4000;

    private readonly List<JobRunStep> _steps = [];

    private JobRun(Guid id, string jobName, DateOnly day, DateTimeOffset createdAt)
    {
        Id = id;
        JobName = jobName;
        Day = day;
        CreatedAt = createdAt;
        State = JobRunState.Enqueued;
    }

    public Guid Id { get; private set; }

    public string JobName { get; private set; }

    public DateOnly Day { get; private set; }

    public JobRunState State { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public string? Error { get; private set; }

    public IReadOnlyList<JobRunStep> Steps => _steps;

    /// <summary>Version 7 ids sort by creation, so "newest first" is also the id order.</summary>
    public static JobRun Enqueue(string jobName, DateOnly day, DateTimeOffset now) => new(Guid.CreateVersion7(now), jobName, day, now);

    public void StartAttempt(DateTimeOffset now)
    {
        Attempts++;
        State = JobRunState.Running;
        StartedAt = now;
        FinishedAt = null;
        Error = null;
        _steps.Clear();
    }

    public void RecordStep(string name, long rows, TimeSpan duration) => _steps.Add(new JobRunStep(name, rows, duration));

    public void Succeed(DateTimeOffset now)
    {
        State = JobRunState.Succeeded;
        FinishedAt = now;
    }

    /// <param name="willRetry">Whether Hangfire runs the job again later, so the run is not finished yet.</param>
    public void Fail(string error, bool willRetry, DateTimeOffset now)
    {
        State = willRetry ? JobRunState.Retrying : JobRunState.Failed;
        FinishedAt = now;
        Error = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
    }
}
