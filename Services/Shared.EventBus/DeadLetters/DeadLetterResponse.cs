namespace AspireMsa.EventBus.DeadLetters;

/// <summary>One dead-lettered message as an operator sees it: what it was, why it failed, and its body.</summary>
public sealed record DeadLetterResponse(
    string? MessageId, string? Type, string? Source, long Attempts, string? Reason, string? DeadLetteredAt, string Body);
