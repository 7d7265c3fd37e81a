using Microsoft.Extensions.DependencyInjection;

namespace AspireMsa.IntegrationTests;

/// <summary>Reads what a resource's processes wrote to their console, the same lines the dashboard shows.</summary>
public static class ResourceLogs
{
    /// <summary>Waits until any replica of the resource logs a line containing <paramref name="text"/>.</summary>
    public static async Task<bool> ContainsAsync(DistributedApplication app, string resourceName, string text, TimeSpan timeout) =>
        await FindLineAsync(app, resourceName, text, timeout) is not null;

    /// <summary>Every line the resource's replicas logged so far (and within <paramref name="window"/>, while it is read).</summary>
    public static async Task<IReadOnlyList<string>> LinesAsync(DistributedApplication app, string resourceName, TimeSpan window)
    {
        using var cts = new CancellationTokenSource(window);
        var loggers = app.Services.GetRequiredService<ResourceLoggerService>();
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var instances = await ResourceInstances.IdsAsync(app, resourceName, cts.Token);
        var watches = instances.Select(async id =>
        {
            try
            {
                await foreach (var batch in loggers.WatchAsync(id).WithCancellation(cts.Token))
                {
                    foreach (var line in batch)
                    {
                        lines.Enqueue(line.Content);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        await Task.WhenAll(watches);
        return [.. lines];
    }

    /// <summary>The last <paramref name="count"/> lines the resource's replicas logged, for a failure message.</summary>
    public static async Task<IReadOnlyList<string>> TailAsync(DistributedApplication app, string resourceName, int count) =>
        [.. (await LinesAsync(app, resourceName, TimeSpan.FromSeconds(3))).TakeLast(count)];

    /// <summary>The first line any replica of the resource logs that contains <paramref name="text"/>, or null at the deadline.</summary>
    public static async Task<string?> FindLineAsync(DistributedApplication app, string resourceName, string text, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var loggers = app.Services.GetRequiredService<ResourceLoggerService>();
        var instances = await ResourceInstances.IdsAsync(app, resourceName, cts.Token);

        var watches = instances.Select(async id =>
        {
            await foreach (var batch in loggers.WatchAsync(id).WithCancellation(cts.Token))
            {
                if (batch.Select(line => line.Content).FirstOrDefault(content => content.Contains(text, StringComparison.Ordinal)) is { } found)
                {
                    return found;
                }
            }

            return null;
        }).ToList();

        try
        {
            while (watches.Count > 0)
            {
                var done = await Task.WhenAny(watches);
                if (await done is { } line)
                {
                    return line;
                }

                watches.Remove(done);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            await cts.CancelAsync();
        }

        return null;
    }
}
