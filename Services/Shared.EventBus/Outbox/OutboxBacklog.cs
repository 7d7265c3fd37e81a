namespace AspireMsa.EventBus.Outbox;

/// <summary>What the relay reports after each loop: unsent rows, the oldest of them, and the parked ones.</summary>
public sealed class OutboxBacklog
{
    public long Unsent { get; init; }

    public DateTimeOffset? OldestUnsentAt { get; init; }

    public long Parked { get; init; }
}
