namespace AspireMsa.EventBus.Outbox.Parked;

/// <param name="Count">All parked rows, also those beyond the page.</param>
public sealed record ParkedOutboxListResponse(long Count, IReadOnlyList<ParkedOutboxMessageResponse> Items);
