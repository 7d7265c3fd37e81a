using AspireMsa.EventBus.Outbox;

namespace AspireMsa.UnitTests;

public class OutboxSignalTests
{
    [Fact]
    public async Task ABurstOfCommits_WakesTheRelayOnce()
    {
        var signal = new OutboxSignal();
        signal.Notify();
        signal.Notify();
        signal.Notify();

        var woken = signal.WaitAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.True(woken.IsCompletedSuccessfully);

        // The burst is used up: the next wait lasts until its timeout.
        var second = signal.WaitAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        Assert.False(second.IsCompleted);
        await second;
    }

    [Fact]
    public async Task ACommitWhileTheRelayWaits_WakesItAtOnce()
    {
        var signal = new OutboxSignal();
        var waiting = signal.WaitAsync(TimeSpan.FromMinutes(1), CancellationToken.None);

        signal.Notify();

        Assert.Same(waiting, await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromSeconds(10))));
    }
}
