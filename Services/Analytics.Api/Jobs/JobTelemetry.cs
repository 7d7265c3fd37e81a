using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AspireMsa.Analytics.Api.Jobs;

/// <summary>
/// A job run's trace and metrics. A run starts its own trace (Hangfire's polling of its queue starts none, see
/// <c>UpkeepSampler</c>), so the dashboard shows each run with the statements and files it did.
/// </summary>
public sealed partial class JobTelemetry : IDisposable
{
    public const string Name = "AspireMsa.Analytics";

    private static readonly ActivitySource Source = new(Name);

    private readonly ILogger<JobTelemetry> _logger;
    private readonly Meter _meter;
    private readonly Counter<long> _runs;
    private readonly Counter<long> _rows;
    private readonly Histogram<double> _stepDuration;

    public JobTelemetry(IMeterFactory meters, ILogger<JobTelemetry> logger)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _logger = logger;
        _meter = meters.Create(Name);
        _runs = _meter.CreateCounter<long>("analytics.job.runs", description: "Job run attempts, by job and outcome.");
        _rows = _meter.CreateCounter<long>("analytics.job.rows", description: "Rows a job step wrote, by job and step.");
        _stepDuration = _meter.CreateHistogram<double>("analytics.job.step.duration", unit: "s", description: "How long each job step took.");
    }

    /// <param name="step">A workflow's step, which Hangfire runs as a job of its own: a trace of its own too.</param>
    public static Activity? StartRun(JobRun run, string? step = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var name = step is null ? $"job {run.JobName}" : $"job {run.JobName} {step}";
        var activity = Source.StartActivity(name, ActivityKind.Internal, parentContext: default);
        activity?.SetTag("aspiremsa.job.name", run.JobName);
        activity?.SetTag("aspiremsa.job.step", step);
        activity?.SetTag("aspiremsa.job.run_id", run.Id);
        activity?.SetTag("aspiremsa.job.day", run.Day.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        activity?.SetTag("aspiremsa.job.attempt", run.Attempts);
        return activity;
    }

    public void StepDone(string job, string step, long rows, TimeSpan duration)
    {
        var tags = new TagList { { "job", job }, { "step", step } };
        _rows.Add(rows, tags);
        _stepDuration.Record(duration.TotalSeconds, tags);
    }

    /// <summary>
    /// Counts the end of a run's attempt by its outcome; a run that failed for good is also logged, and both the
    /// JobRunFailed alert rule (Prometheus) and its Azure Monitor counterpart (the log line) watch for it.
    /// </summary>
    public void RunEnded(JobRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        _runs.Add(1, new TagList { { "job", run.JobName }, { "outcome", run.State.ToString() } });
        if (run.State == JobRunState.Failed)
        {
            LogFailedForGood(_logger, run.Id, run.JobName, run.Day, run.Attempts, run.Error);
        }
    }

    public void Dispose() => _meter.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "Job run {RunId} of {Job} for {Day} failed for good after {Attempts} attempts: {Error}")]
    private static partial void LogFailedForGood(ILogger logger, Guid runId, string job, DateOnly day, int attempts, string? error);
}
