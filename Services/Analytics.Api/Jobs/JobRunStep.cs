namespace AspireMsa.Analytics.Api.Jobs;

/// <summary>
/// One step of a run: where it stands, how often it was tried, what it produced and how long its latest attempt took.
/// A workflow's steps are planned when the run is enqueued and each retries on its own; a single job's steps are recorded
/// as its latest attempt does them.
/// </summary>
public sealed class JobRunStep
{
    public const int NameMaxLength = 100;

    private JobRunStep(string name, JobRunState state, int attempts, long rows, TimeSpan duration)
    {
        Name = name;
        State = state;
        Attempts = attempts;
        Rows = rows;
        Duration = duration;
    }

    public long Id { get; private set; }

    public Guid RunId { get; private set; }

    public string Name { get; private set; }

    public JobRunState State { get; private set; }

    public int Attempts { get; private set; }

    public long Rows { get; private set; }

    public TimeSpan Duration { get; private set; }

    public static JobRunStep Planned(string name) => new(name, JobRunState.Enqueued, 0, 0, TimeSpan.Zero);

    public static JobRunStep Done(string name, int attempts, long rows, TimeSpan duration) =>
        new(name, JobRunState.Succeeded, attempts, rows, duration);

    public void StartAttempt()
    {
        Attempts++;
        State = JobRunState.Running;
    }

    public void Succeed(long rows, TimeSpan duration)
    {
        State = JobRunState.Succeeded;
        Rows = rows;
        Duration = duration;
    }

    /// <param name="willRetry">Whether Hangfire tries the step again later.</param>
    public void Fail(bool willRetry, TimeSpan duration)
    {
        State = willRetry ? JobRunState.Retrying : JobRunState.Failed;
        Rows = 0;
        Duration = duration;
    }
}
