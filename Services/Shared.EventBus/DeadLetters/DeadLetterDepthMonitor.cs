using AspireMsa.EventBus.Broker;
using AspireMsa.ServiceDefaults.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace AspireMsa.EventBus.DeadLetters;

/// <summary>
/// Reads how many messages wait in the dead-letter queue and reports it as <c>aspiremsa.eventbus.dead_letters</c>, so
/// an alert fires on a poison message without anyone opening the admin API. A metric callback must not call the broker,
/// hence the poll; while the broker is away the last depth stays, the polls back off and <c>/health</c> shows the monitor
/// as retrying.
/// </summary>
public sealed partial class DeadLetterDepthMonitor(
    IServiceProvider services, BrokerTopology topology, EventBusTelemetry telemetry, BackgroundServiceHealth health, IOptions<EventBusOptions> options,
    ILogger<DeadLetterDepthMonitor> logger)
    : BackgroundService
{
    public const string HealthName = "dead-letter-depth-monitor";

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Connecting may take a while; the web server should not wait for it.
        await Task.Yield();
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var connection = services.GetRequiredService<IConnection>();
                await using var channel = await connection.CreateChannelAsync(cancellationToken: stoppingToken);
                telemetry.ReportDeadLetters(await channel.MessageCountAsync(topology.DeadLetterQueue, stoppingToken));
                health.Succeeded(HealthName);
                failures = 0;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The broker is away, or the consumer has not declared the queue yet: the next round tries again.
                failures = health.Failed(HealthName, ex);
                LogDepthUnavailable(logger, topology.DeadLetterQueue, failures, ex.Message);
            }

            await Task.Delay(BackgroundServiceHealth.Backoff(options.Value.DeadLetterDepthInterval, failures, MaxBackoff), stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The depth of '{Queue}' could not be read ({Failures} in a row): {Reason}")]
    private static partial void LogDepthUnavailable(ILogger logger, string queue, int failures, string reason);
}
