namespace AspireMsa.EventBus.Outbox.Parked;

/// <param name="Payload">The event as the relay would publish it (JSON).</param>
public sealed record ParkedOutboxMessageResponse(
    Guid Id, string Type, Guid AggregateId, long Sequence, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset ParkedAt, string Payload);
