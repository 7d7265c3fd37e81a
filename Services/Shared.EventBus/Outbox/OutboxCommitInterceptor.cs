using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AspireMsa.EventBus.Outbox;

/// <summary>
/// Signals the relay when a transaction that saved outbox rows commits: the rows become visible only then. A commit that
/// wrote none (an inbox entry, a read-model row, a handler's state) does not wake it, so it costs the relay no claim
/// query; the relay's poll still finds whatever another replica or a restart left behind.
/// </summary>
public sealed class OutboxCommitInterceptor(OutboxSignal signal) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    /// <summary>The contexts whose open transaction saved outbox rows; weak, so a context that is never committed is not kept.</summary>
    private readonly ConditionalWeakTable<DbContext, object> _savedOutboxRows = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        NoteOutboxRows(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        NoteOutboxRows(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>A save outside any transaction (EF runs a single statement without one) is committed when it returns.</summary>
    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NotifyIfSavedWithoutTransaction(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NotifyIfSavedWithoutTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        NotifyIfOutboxRowsCommitted(eventData.Context);
        base.TransactionCommitted(transaction, eventData);
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        NotifyIfOutboxRowsCommitted(eventData.Context);
        return base.TransactionCommittedAsync(transaction, eventData, cancellationToken);
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        Forget(eventData.Context);
        base.TransactionRolledBack(transaction, eventData);
    }

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return base.TransactionRolledBackAsync(transaction, eventData, cancellationToken);
    }

    private void NoteOutboxRows(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any(entry => entry.State == EntityState.Added))
        {
            _savedOutboxRows.AddOrUpdate(context, context);
        }
    }

    private void NotifyIfOutboxRowsCommitted(DbContext? context)
    {
        if (context is not null && _savedOutboxRows.Remove(context))
        {
            signal.Notify();
        }
    }

    private void NotifyIfSavedWithoutTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            NotifyIfOutboxRowsCommitted(context);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _savedOutboxRows.Remove(context);
        }
    }
}
