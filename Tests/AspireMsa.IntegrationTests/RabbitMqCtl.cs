using System.Diagnostics;
using System.Globalization;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// Runs <c>rabbitmqctl</c> against the system's local-process broker, as an operator on its host would. The broker's node
/// name, epmd port and cookie (in its HOME) are per instance, so the command takes them from the broker's own environment.
/// </summary>
public static class RabbitMqCtl
{
    private const string Executable = "/usr/lib/rabbitmq/bin/rabbitmqctl";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    public static async Task<string> RunAsync(DistributedApplication app, params string[] arguments)
    {
        var pid = await BrokerPidAsync(app);
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Clear();
        foreach (var variable in (await File.ReadAllTextAsync($"/proc/{pid}/environ")).Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = variable.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0)
            {
                start.Environment[variable[..separator]] = variable[(separator + 1)..];
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(CommandTimeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"rabbitmqctl {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}");
        return await output;
    }

    /// <summary>Consumers per queue, from <c>list_queues name consumers</c>.</summary>
    public static async Task<Dictionary<string, int>> ConsumersAsync(DistributedApplication app) =>
        (await RunAsync(app, "-q", "list_queues", "name", "consumers"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t'))
            .Where(columns => columns.Length == 2 && int.TryParse(columns[1], CultureInfo.InvariantCulture, out _))
            .ToDictionary(columns => columns[0], columns => int.Parse(columns[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);

    /// <summary>Channels with at least one consumer, from <c>list_channels consumer_count</c>.</summary>
    public static async Task<int> ConsumingChannelsAsync(DistributedApplication app) =>
        (await RunAsync(app, "-q", "list_channels", "consumer_count"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Count(line => int.TryParse(line, CultureInfo.InvariantCulture, out var count) && count > 0);

    private static async Task<int> BrokerPidAsync(DistributedApplication app)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var resourceEvent in app.ResourceNotifications.WatchAsync(timeout.Token))
        {
            if (resourceEvent.Resource.Name == "rabbitmq"
                && resourceEvent.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid)
            {
                return Convert.ToInt32(pid, CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException("The rabbitmq resource reported no process id.");
    }
}
