namespace AspireMsa.EventBus.Inbox;

/// <summary>
/// Whether this replica's consumer is registered with the broker right now, and if not, why. The consumer loop writes it;
/// the health check and the restart metric read it.
/// </summary>
public sealed class ConsumerStatus
{
    private volatile string? _stoppedReason = "not started yet";

    public bool IsConsuming => _stoppedReason is null;

    /// <summary>Why the consumer is not consuming; null while it is.</summary>
    public string? StoppedReason => _stoppedReason;

    public void Consuming() => _stoppedReason = null;

    public void Stopped(string reason) => _stoppedReason = reason;
}
