using AspireMsa.EventBus.Broker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace AspireMsa.EventBus.DeadLetters;

/// <summary>
/// Reads how many messages wait in the dead-letter queue and reports it as <c>aspiremsa.eventbus.dead_letters</c>, so
/// an alert fires on a poison message without anyone opening the admin API. A metric callback must not call the broker,
/// hence the poll; while the broker is away the last depth stays.
/// </summary>
public sealed partial class DeadLetterDepthMonitor(
    IServiceProvider services, BrokerTopology topology, EventBusTelemetry telemetry, IOptions<EventBusOptions> options, ILogger<DeadLetterDepthMonitor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Connecting may take a while; the web server should not wait for it.
        await Task.Yield();
        using var timer = new PeriodicTimer(options.Value.DeadLetterDepthInterval);
        do
        {
            try
            {
                var connection = services.GetRequiredService<IConnection>();
                await using var channel = await connection.CreateChannelAsync(cancellationToken: stoppingToken);
                telemetry.ReportDeadLetters(await channel.MessageCountAsync(topology.DeadLetterQueue, stoppingToken));
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The broker is away, or the consumer has not declared the queue yet: the next tick tries again.
                LogDepthUnavailable(logger, topology.DeadLetterQueue, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The depth of '{Queue}' could not be read: {Reason}")]
    private static partial void LogDepthUnavailable(ILogger logger, string queue, string reason);
}
