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
/// recovery only restores channels after a lost connection; a channel the broker closes for an error, or a consumer it
/// cancels (its queue was deleted), stays dead. So the loop watches both, and sets everything up again with backoff.
/// </summary>
public sealed partial class EventConsumer<TContext>(
    IServiceProvider services,
    BrokerTopology topology,
    InboxProcessor<TContext> processor,
    DeliveryFailureHandler failures,
    ConsumerStatus status,
    EventBusTelemetry telemetry,
    IOptions<EventBusOptions> options,
    ILogger<EventConsumer<TContext>> logger) : BackgroundService where TContext : DbContext
{
    private static readonly TimeSpan DiscardTimeout = TimeSpan.FromSeconds(5);

    private IChannel? _channel;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Connecting may take a while; the web server should not wait for it.
        await Task.Yield();
        var settings = options.Value;
        var delay = settings.ConsumerRestartDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            var stopped = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            IConnection? connection = null;
            try
            {
                // Resolved in the loop: the client's first connect throws while the broker is still away.
                connection = services.GetRequiredService<IConnection>();
                _channel = await StartConsumingAsync(connection, stopped, stoppingToken);
                status.Consuming();
                if (_channel is null)
                {
                    return;
                }

                var since = Stopwatch.GetTimestamp();
                var reason = await stopped.Task.WaitAsync(stoppingToken);
                status.Stopped(reason);
                telemetry.ConsumerRestarts.Add(1);
                LogConsumerStopped(logger, topology.Queue, reason);
                // A consumer that ran a while starts over from the first delay; one that dies at once keeps backing off.
                if (Stopwatch.GetElapsedTime(since) >= settings.ConsumerRestartMaxDelay)
                {
                    delay = settings.ConsumerRestartDelay;
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                status.Stopped($"setting up failed: {ex.Message}");
                LogSetupFailed(logger, ex, topology.Queue, delay);
            }

            await DiscardAsync(_channel);
            _channel = null;
            await WaitBeforeRestartAsync(connection, delay, stoppingToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.ConsumerRestartMaxDelay.Ticks));
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

    private async Task<IChannel?> StartConsumingAsync(IConnection connection, TaskCompletionSource<string> stopped, CancellationToken stoppingToken)
    {
        var settings = options.Value;

        // Declared on every start: the queue may be gone (deleted, or lost with the broker's data).
        if (!await topology.DeclareAsync(connection, stoppingToken))
        {
            LogDeliveryLimitMissing(logger, topology.Queue, topology.DeliveryLimit);
        }

        if (topology.EventTypes.Count == 0)
        {
            // A service that only publishes still needs the exchange, but has nothing to consume.
            return null;
        }

        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: false, publisherConfirmationTrackingEnabled: false, consumerDispatchConcurrency: settings.ConsumerConcurrency), stoppingToken);
        channel.ChannelShutdownAsync += (_, args) =>
        {
            stopped.TrySetResult($"the channel closed ({args.Initiator}, {args.ReplyCode} {args.ReplyText})");
            return Task.CompletedTask;
        };
        try
        {
            await channel.BasicQosAsync(prefetchSize: 0, settings.PrefetchCount, global: false, stoppingToken);
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += (_, delivery) => OnReceivedAsync(channel, delivery, stoppingToken);
            // Raised by basic.cancel from the broker as well as by our own cancel, which this loop never sends.
            consumer.UnregisteredAsync += (_, _) =>
            {
                stopped.TrySetResult("the broker cancelled the consumer");
                return Task.CompletedTask;
            };
            await channel.BasicConsumeAsync(topology.Queue, autoAck: false, consumer, stoppingToken);
        }
        catch
        {
            await DiscardAsync(channel);
            throw;
        }

        LogConsuming(logger, topology.Queue);
        return channel;
    }

    /// <summary>
    /// Closing (not only disposing) also drops the channel from the client's recovery records, so a later connection
    /// recovery does not bring back a second consumer beside the one this loop sets up.
    /// </summary>
    private async Task DiscardAsync(IChannel? channel)
    {
        if (channel is null)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(DiscardTimeout);
            await channel.CloseAsync(timeout.Token);
        }
        catch (Exception ex)
        {
            LogDiscardFailed(logger, topology.Queue, ex.Message);
        }

        await channel.DisposeAsync();
    }

    /// <summary>Waits out the backoff, cut short when the client has just recovered a lost connection.</summary>
    private static async Task WaitBeforeRestartAsync(IConnection? connection, TimeSpan delay, CancellationToken stoppingToken)
    {
        if (connection is null)
        {
            await Task.Delay(delay, stoppingToken);
            return;
        }

        var recovered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task OnRecovered(object sender, AsyncEventArgs args)
        {
            recovered.TrySetResult();
            return Task.CompletedTask;
        }

        connection.RecoverySucceededAsync += OnRecovered;
        try
        {
            await Task.WhenAny(Task.Delay(delay, stoppingToken), recovered.Task);
            stoppingToken.ThrowIfCancellationRequested();
        }
        finally
        {
            connection.RecoverySucceededAsync -= OnRecovered;
        }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Setting up the consumer of '{Queue}' failed; trying again in {Delay}")]
    private static partial void LogSetupFailed(ILogger logger, Exception exception, string queue, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The consumer of '{Queue}' stopped: {Reason}; setting it up again")]
    private static partial void LogConsumerStopped(ILogger logger, string queue, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue '{Queue}' was declared before x-delivery-limit was set, so it runs without the broker's cap of {Limit} deliveries. Apply it with a policy (docs/messaging.md, \"Upgrading a broker\") or by deleting the queue while it is empty")]
    private static partial void LogDeliveryLimitMissing(ILogger logger, string queue, int limit);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing the dead channel of '{Queue}' failed: {Reason}")]
    private static partial void LogDiscardFailed(ILogger logger, string queue, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped message {MessageId} ({Type}): {Outcome}")]
    private static partial void LogSkipped(ILogger logger, string? messageId, string type, InboxOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Acknowledging message {MessageId} failed; it will be redelivered")]
    private static partial void LogSettleFailed(ILogger logger, Exception exception, string? messageId);
}
