namespace AspireMsa.IntegrationTests;

/// <summary>Waits for an eventual outcome by asking again until a deadline, never by sleeping a guessed time.</summary>
public static class CatalogReadModelPolling
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string description)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!await condition())
        {
            Assert.False(deadline.IsCancellationRequested, $"Still waiting after {timeout} until {description}.");
            await Task.Delay(PollInterval);
        }
    }
}
