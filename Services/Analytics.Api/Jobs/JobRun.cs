namespace AspireMsa.Analytics.Api.Jobs;

/// <summary>
/// One run of a job for one UTC day, kept after Hangfire expires its own record of the job: the history operators read.
/// A single job's attempts (Hangfire retries a failed one) each count, and its steps replace those of the attempt before.
/// A workflow's steps are planned up front and are Hangfire jobs of their own, each with its own attempts; the run's
/// attempts are then the most any step needed.
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

    /// <summary>A workflow's run, with a step row for each of its steps from the start.</summary>
    public static JobRun EnqueueWorkflow(string jobName, DateOnly day, IEnumerable<string> steps, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var run = Enqueue(jobName, day, now);
        run._steps.AddRange(steps.Select(JobRunStep.Planned));
        return run;
    }

    public void StartAttempt(DateTimeOffset now)
    {
        Attempts++;
        State = JobRunState.Running;
        StartedAt = now;
        FinishedAt = null;
        Error = null;
        _steps.Clear();
    }

    public void RecordStep(string name, long rows, TimeSpan duration) => _steps.Add(JobRunStep.Done(name, Attempts, rows, duration));

    /// <summary>A workflow step's attempt begins; the run is running again, even after an earlier step's failed attempt.</summary>
    public JobRunStep StartStep(string name, DateTimeOffset now)
    {
        var step = Step(name);
        step.StartAttempt();
        Attempts = Math.Max(Attempts, step.Attempts);
        State = JobRunState.Running;
        StartedAt ??= now;
        FinishedAt = null;
        Error = null;
        return step;
    }

    /// <summary>The run succeeds with its last step.</summary>
    public void SucceedStep(string name, long rows, TimeSpan duration, DateTimeOffset now)
    {
        Step(name).Succeed(rows, duration);
        if (_steps.All(s => s.State == JobRunState.Succeeded))
        {
            Succeed(now);
        }
    }

    public void FailStep(string name, string error, bool willRetry, TimeSpan duration, DateTimeOffset now)
    {
        Step(name).Fail(willRetry, duration);
        Fail($"{name}: {error}", willRetry, now);
    }

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

    private JobRunStep Step(string name) =>
        _steps.SingleOrDefault(s => s.Name == name) ?? throw new InvalidOperationException($"Run {Id} of {JobName} has no step '{name}'.");
}
