namespace AspireMsa.Analytics.Api.Jobs;

/// <summary>One step of a run's latest attempt: what it produced and how long it took.</summary>
public sealed class JobRunStep
{
    public const int NameMaxLength = 100;

    public JobRunStep(string name, long rows, TimeSpan duration)
    {
        Name = name;
        Rows = rows;
        Duration = duration;
    }

    public long Id { get; private set; }

    public Guid RunId { get; private set; }

    public string Name { get; private set; }

    public long Rows { get; private set; }

    public TimeSpan Duration { get; private set; }
}
