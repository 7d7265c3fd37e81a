using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AspireMsa.EventBus.Outbox;

/// <summary>Signals the relay whenever the service's DbContext commits: outbox rows become visible only then.</summary>
public sealed class OutboxCommitInterceptor(OutboxSignal signal) : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        signal.Notify();
        base.TransactionCommitted(transaction, eventData);
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.Notify();
        return base.TransactionCommittedAsync(transaction, eventData, cancellationToken);
    }
}
