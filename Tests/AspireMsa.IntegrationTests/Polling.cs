namespace AspireMsa.IntegrationTests;

/// <summary>Waits for a condition by polling with a deadline, never by sleeping a guessed time.</summary>
public static class Polling
{
    public static async Task<bool> UntilAsync(Func<Task<bool>> condition, TimeSpan deadline)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        var giveUpAt = DateTime.UtcNow + deadline;
        while (DateTime.UtcNow < giveUpAt)
        {
            if (await condition())
            {
                return true;
            }

            await timer.WaitForNextTickAsync();
        }

        return await condition();
    }
}
