namespace AspireMsa.Catalog.Api.ReadModel;

/// <summary>
/// A change Redis has not yet confirmed, written in the same transaction as the product itself: if the write-through
/// fails after the commit, this row is the durable promise that the relay keeps later.
/// </summary>
public sealed class ReadModelOutboxEntry
{
    public long Id { get; init; }

    public Guid ProductId { get; init; }

    /// <summary>The product's version after the change; for a delete, the tombstone's version (one past the last).</summary>
    public long Version { get; init; }

    public ReadModelChangeKind Kind { get; init; }

    public DateTimeOffset RecordedAt { get; init; }
}
