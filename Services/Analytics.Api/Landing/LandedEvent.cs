namespace AspireMsa.Analytics.Api.Landing;

/// <summary>
/// One integration event as it arrived, kept whole (its JSON) until a job compacts its day into the lake. The event id is
/// unique, so an event delivered or replayed twice lands once.
/// </summary>
public sealed class LandedEvent
{
    public const int EventTypeMaxLength = 200;

    public long Id { get; private set; }

    public Guid EventId { get; private set; }

    public string EventType { get; private set; } = string.Empty;

    public DateTimeOffset OccurredAt { get; private set; }

    public string Payload { get; private set; } = string.Empty;

    public DateTimeOffset LandedAt { get; private set; }
}
