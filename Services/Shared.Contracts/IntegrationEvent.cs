namespace AspireMsa.Contracts;

/// <summary>
/// A fact one service publishes for others. <see cref="Id"/> lets consumers drop redeliveries;
/// <see cref="OccurredAt"/> is required so publishers stamp it from their own clock.
/// </summary>
public abstract record IntegrationEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required DateTimeOffset OccurredAt { get; init; }
}
