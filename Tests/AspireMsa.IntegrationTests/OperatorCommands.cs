using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AspireMsa.IntegrationTests;

/// <summary>The dashboard's Stop and Start, pressed as an operator would, for the tests that take a resource away.</summary>
public static class OperatorCommands
{
    private const int StartAttempts = 3;
    private static readonly TimeSpan HealthyDeadline = TimeSpan.FromMinutes(2);

    /// <summary>A resource of the model by name. A command by resource reaches every replica; one by name reaches none of a replicated resource.</summary>
    public static IResource Resource(DistributedApplication app, string resourceName) =>
        app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == resourceName);

    /// <summary>
    /// Stop, and wait until it stopped. PostgreSQL takes the orchestrator's stop signal as a smart shutdown, which waits for
    /// the pooled sessions (and RabbitMQ closes its connections one by one); on a loaded machine the orchestrator kills the
    /// server first and reports the stop as failed, leaving the resource in state Unknown, though the server is down all
    /// the same and Start works.
    /// </summary>
    public static async Task StopAsync(DistributedApplication app, string resourceName, ITestOutputHelper output)
    {
        var stop = await app.ResourceCommands.ExecuteCommandAsync(Resource(app, resourceName), KnownResourceCommands.StopCommand);
        if (!stop.Success)
        {
            output.WriteLine($"Stop of {resourceName} reported: {stop.Message}");
            using var stopped = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await app.ResourceNotifications.WaitForResourceAsync(resourceName,
                resource => resource.Snapshot.State?.Text is { } state && (KnownResourceStates.TerminalStates.Contains(state) || state == "Unknown"),
                stopped.Token);
        }
    }

    /// <summary>
    /// Start after a stop, and wait until healthy. DCP now and then reports a project started right after its stop as failed
    /// to start (Aspire's own stop-start test flakes so, microsoft/aspire#11116), and the operator presses Start again. Each
    /// failed attempt writes the resource's last log lines, so a real start-up failure shows its cause.
    /// </summary>
    public static async Task StartAgainAsync(DistributedApplication app, string resourceName, ITestOutputHelper output)
    {
        var resource = Resource(app, resourceName);
        for (var attempt = 1; ; attempt++)
        {
            var start = await app.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand);
            Assert.True(start.Success, $"Starting {resourceName}: {start.Message}");
            try
            {
                using var healthy = new CancellationTokenSource(HealthyDeadline);
                await app.ResourceNotifications.WaitForResourceHealthyAsync(resourceName, healthy.Token);
                return;
            }
            catch (DistributedApplicationException failed) when (attempt < StartAttempts)
            {
                output.WriteLine($"Start {attempt} of {resourceName}: {failed.Message} Its last lines:");
                foreach (var line in await ResourceLogs.TailAsync(app, resourceName, 40))
                {
                    output.WriteLine(line);
                }
            }
        }
    }
}
