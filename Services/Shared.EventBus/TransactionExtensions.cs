using Microsoft.EntityFrameworkCore;

namespace AspireMsa.EventBus;

public static class TransactionExtensions
{
    /// <summary>
    /// Runs <paramref name="operation"/>, saves and commits in one transaction under the context's execution strategy.
    /// A transient failure (e.g. a database restart) runs it again from an empty change tracker, so it must be repeatable.
    /// </summary>
    public static Task<TResult> ExecuteInTransactionAsync<TResult>(
        this DbContext db, Func<CancellationToken, Task<TResult>> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(operation);

        return db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await operation(ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
    }
}
