namespace AspireMsa.Storefront.Admin;

public sealed record DeadLetterReplay(string Queue, int Replayed);
