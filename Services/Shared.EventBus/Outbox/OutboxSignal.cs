using System.Threading.Channels;

namespace AspireMsa.EventBus.Outbox;

/// <summary>
/// Wakes the relay right after a commit, so events leave within milliseconds instead of at the next poll.
/// Signals coalesce: a burst of commits wakes the relay once, and it then drains everything unsent.
/// </summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _signals.Writer.TryWrite(true);

    /// <summary>Returns at the next signal, or after <paramref name="timeout"/> (the polling safety net).</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            await _signals.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a commit.
        }
    }
}
