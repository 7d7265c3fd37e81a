using System.Data.Common;
using AspireMsa.Catalog.Api.Apis;
using AspireMsa.Catalog.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Polly;

namespace AspireMsa.Catalog.Api.ReadModel;

/// <summary>
/// The command side's half of the write-through. A change is recorded in the outbox inside the product's own
/// transaction; after the commit it is applied to Redis right away and its row deleted. If Redis refuses, the row
/// stays and <see cref="ReadModelOutboxRelay"/> applies it later, so no committed change is lost to Redis for good.
/// </summary>
public sealed partial class ReadModelWriter(
    CatalogDbContext db,
    RedisReadModelStore store,
    [FromKeyedServices(ReadModelResilience.PipelineName)] ResiliencePipeline redis,
    ILogger<ReadModelWriter> logger)
{
    /// <summary>Adds the outbox row to the pending changes; the caller's <c>SaveChanges</c> commits it with the product.</summary>
    public ReadModelOutboxEntry Record(Guid productId, long version, ReadModelChangeKind kind, DateTimeOffset now)
    {
        var entry = new ReadModelOutboxEntry { ProductId = productId, Version = version, Kind = kind, RecordedAt = now };
        db.ReadModelOutbox.Add(entry);
        return entry;
    }

    /// <summary>
    /// Applies committed changes of one product to Redis: its <paramref name="current"/> state, or the tombstone of its
    /// delete when it no longer exists. Once Redis took them (or already held something newer), their rows are deleted.
    /// </summary>
    /// <returns>False when Redis could not be reached: the rows stay pending.</returns>
    public async Task<bool> TryApplyAsync(
        Guid productId, ProductResponse? current, IReadOnlyCollection<ReadModelOutboxEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        // An upsert of a product deleted since has nothing left to show: the delete's own row brings the tombstone.
        var deletion = entries.Where(entry => entry.Kind == ReadModelChangeKind.Delete).MaxBy(entry => entry.Version);
        try
        {
            if (current is not null)
            {
                await redis.ExecuteAsync(async ct => await store.ApplyAsync(current, ct), cancellationToken);
            }
            else if (deletion is not null)
            {
                await redis.ExecuteAsync(async ct => await store.ApplyTombstoneAsync(productId, deletion.Version, ct), cancellationToken);
            }
        }
        catch (Exception exception) when (ReadModelResilience.IsRedisFailure(exception))
        {
            LogLeftPending(logger, productId, entries.Count, exception.GetType().Name);
            return false;
        }

        var ids = entries.Select(entry => entry.Id).ToList();
        try
        {
            await db.ReadModelOutbox.Where(entry => ids.Contains(entry.Id)).ExecuteDeleteAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is DbException or RetryLimitExceededException)
        {
            // The change is committed and in Redis: failing the request now would invite a duplicate retry. The relay
            // finds the rows later and applies them once more, which the version guard makes harmless.
            LogCompletionFailed(logger, productId, exception);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Product {ProductId} is in Redis, but its outbox rows could not be deleted; the relay will apply them again")]
    private static partial void LogCompletionFailed(ILogger logger, Guid productId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis did not take the change of product {ProductId} ({Failure}); {Pending} outbox row(s) left to the relay")]
    private static partial void LogLeftPending(ILogger logger, Guid productId, int pending, string failure);
}
