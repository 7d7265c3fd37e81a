namespace AspireMsa.EventBus.DeadLetters;

/// <param name="Count">All messages in the queue; <paramref name="Items"/> holds at most the requested number of them.</param>
public sealed record DeadLetterListResponse(string Queue, long Count, IReadOnlyList<DeadLetterResponse> Items);
