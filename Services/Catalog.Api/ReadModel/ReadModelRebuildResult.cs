namespace AspireMsa.Catalog.Api.ReadModel;

/// <summary>What a full rebuild did: products written from PostgreSQL, indexes marked complete, stale index entries removed.</summary>
public sealed record ReadModelRebuildResult(long Products, int Indexes, long RemovedIndexEntries);
