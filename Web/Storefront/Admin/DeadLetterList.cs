namespace AspireMsa.Storefront.Admin;

/// <param name="Count">All messages in the queue; <paramref name="Items"/> holds at most the number asked for.</param>
public sealed record DeadLetterList(string Queue, long Count, IReadOnlyList<DeadLetter> Items);
