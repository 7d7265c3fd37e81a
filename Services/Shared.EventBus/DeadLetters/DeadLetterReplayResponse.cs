namespace AspireMsa.EventBus.DeadLetters;

public sealed record DeadLetterReplayResponse(string Queue, int Replayed);
