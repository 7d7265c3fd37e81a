namespace AspireMsa.EventBus.Outbox.Parked;

public sealed record ParkedOutboxReplayResponse(int Replayed);
