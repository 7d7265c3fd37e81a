namespace AspireMsa.Storefront.Admin;

/// <summary>One dead-lettered message: what it was, why it failed, and its body.</summary>
public sealed record DeadLetter(
    string? MessageId, string? Type, string? Source, long Attempts, string? Reason, string? DeadLetteredAt, string Body);
