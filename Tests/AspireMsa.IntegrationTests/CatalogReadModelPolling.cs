namespace AspireMsa.IntegrationTests;

/// <summary>Waits for an eventual outcome of the read model, failing with what it waited for.</summary>
public static class CatalogReadModelPolling
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string description) =>
        Assert.True(await Polling.UntilAsync(condition, timeout), $"Still waiting after {timeout} until {description}.");
}
