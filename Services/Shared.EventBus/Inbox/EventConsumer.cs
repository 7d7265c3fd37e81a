using System.Diagnostics;
using AspireMsa.EventBus.Broker;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace AspireMsa.EventBus.Inbox;

/// <summary>
/// Declares the service's topology and consumes its queue with manual acknowledgements: a message is acknowledged only
/// after its inbox transaction committed, or after it was handed to a retry or dead-letter queue. The client's automatic
/// recovery reconnects after a broker restart and re-registers this consumer, so nothing here restarts.
/// </summary>
public sealed partial class EventConsumer<TContext>(
    IServiceProvider services,
    BrokerTopology topology,
    InboxProcessor<TContext> processor,
    DeliveryFailureHandler failures,
    EventBusTelemetry telemetry,
    IOptions<EventBusOptions> options,
    ILogger<EventConsumer<TContext>> logger) : BackgroundService where TContext : DbContext
{
    private IChannel? _channel;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Connecting may take a while; the web server should not wait for it.
        await Task.Yield();
        var started = false;
        while (!started && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                _channel = await StartConsumingAsync(stoppingToken);
                started = true;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogSetupFailed(logger, ex, topology.Queue);
                await Task.Delay(options.Value.BrokerRecoveryInterval, stoppingToken);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Stop deliveries first; messages in flight are cancelled, roll back and are redelivered to another replica.
        await base.StopAsync(cancellationToken);
        if (_channel is { IsOpen: true })
        {
            await _channel.CloseAsync(cancellationToken);
        }
    }

    private async Task<IChannel?> StartConsumingAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var connection = services.GetRequiredService<IConnection>();

        await using (var setup = await connection.CreateChannelAsync(cancellationToken: stoppingToken))
        {
            await topology.DeclareAsync(setup, stoppingToken);
        }

        if (topology.EventTypes.Count == 0)
        {
            // A service that only publishes still needs the exchange, but has nothing to consume.
            return null;
        }

        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: false, publisherConfirmationTrackingEnabled: false, consumerDispatchConcurrency: settings.ConsumerConcurrency), stoppingToken);
        await channel.BasicQosAsync(prefetchSize: 0, settings.PrefetchCount, global: false, stoppingToken);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) => OnReceivedAsync(channel, delivery, stoppingToken);
        await channel.BasicConsumeAsync(topology.Queue, autoAck: false, consumer, stoppingToken);
        LogConsuming(logger, topology.Queue);
        return channel;
    }

    private async Task OnReceivedAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken stoppingToken)
    {
        var message = IncomingMessage.Copy(delivery.BasicProperties, delivery.Body);
        using var activity = EventBusTelemetry.StartProcess(message.Type, message.TraceParent, topology.Queue);
        activity?.SetTag("messaging.message.id", message.Properties.MessageId);

        bool handled;
        try
        {
            var outcome = await processor.ProcessAsync(message, stoppingToken);
            activity?.SetTag("aspiremsa.inbox.outcome", outcome.ToString());
            telemetry.Consumed.Add(1, new KeyValuePair<string, object?>("outcome", outcome.ToString()));
            if (outcome != InboxOutcome.Processed)
            {
                LogSkipped(logger, message.Properties.MessageId, message.Type, outcome);
            }

            handled = true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: leave it unacknowledged, the broker hands it to another consumer.
            return;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            handled = await failures.HandleAsync(message, ex, stoppingToken);
        }

        await SettleAsync(channel, delivery.DeliveryTag, handled, message);
    }

    private async Task SettleAsync(IChannel channel, ulong deliveryTag, bool handled, IncomingMessage message)
    {
        try
        {
            if (handled)
            {
                await channel.BasicAckAsync(deliveryTag, multiple: false);
            }
            else
            {
                // The retry or dead-letter publish failed: give the message back rather than hold it unacknowledged.
                await channel.BasicNackAsync(deliveryTag, multiple: false, requeue: true);
            }
        }
        catch (Exception ex)
        {
            // The channel died with the connection: the broker redelivers, and the inbox recognises what already committed.
            LogSettleFailed(logger, ex, message.Properties.MessageId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Consuming queue '{Queue}'")]
    private static partial void LogConsuming(ILogger logger, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Setting up the consumer of '{Queue}' failed; trying again")]
    private static partial void LogSetupFailed(ILogger logger, Exception exception, string queue);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped message {MessageId} ({Type}): {Outcome}")]
    private static partial void LogSkipped(ILogger logger, string? messageId, string type, InboxOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Acknowledging message {MessageId} failed; it will be redelivered")]
    private static partial void LogSettleFailed(ILogger logger, Exception exception, string? messageId);
}
