namespace AspireMsa.Storefront.Admin;

/// <summary>What a catalog read-model rebuild rewrote in Redis.</summary>
public sealed record ReadModelRebuild(long Products, int Indexes, long RemovedIndexEntries);
