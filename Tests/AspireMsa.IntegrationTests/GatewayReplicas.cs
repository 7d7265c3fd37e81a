using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMsa.IntegrationTests;

/// <summary>The address each gateway replica listens on itself, behind the orchestrator's proxy, from its start-up log.</summary>
public static partial class GatewayReplicas
{
    public static async Task<List<Uri>> DirectAddressesAsync(DistributedApplication app)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var loggers = app.Services.GetRequiredService<ResourceLoggerService>();
        var addresses = new List<Uri>();
        foreach (var instance in await ResourceInstances.IdsAsync(app, "gateway", timeout.Token))
        {
            await foreach (var batch in loggers.WatchAsync(instance).WithCancellation(timeout.Token))
            {
                if (batch.Select(line => ListeningOn().Match(line.Content)).FirstOrDefault(match => match.Success) is { } match)
                {
                    addresses.Add(new Uri($"http://127.0.0.1:{match.Groups["port"].Value}"));
                    break;
                }
            }
        }

        return addresses;
    }

    [GeneratedRegex(@"Now listening on: http://[^:/]+:(?<port>\d+)")]
    private static partial Regex ListeningOn();
}
