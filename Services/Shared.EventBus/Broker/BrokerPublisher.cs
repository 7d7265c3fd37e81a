using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace AspireMsa.EventBus.Broker;

/// <summary>
/// Publishes on one channel with publisher confirms tracked by the client: a publish completes only when the broker has
/// the message safely (persistent, and routed to at least one queue unless it is a broadcast), and fails on a nack, a
/// return or a timeout.
/// </summary>
public sealed partial class BrokerPublisher(
    IConnection connection, IOptions<EventBusOptions> options, ILogger<BrokerPublisher> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _channelLock = new(1, 1);
    private IChannel? _channel;

    /// <summary>Sends every message before awaiting any confirm; returns, per message, whether the broker confirmed it.</summary>
    public async Task<bool[]> PublishAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var confirmed = new bool[messages.Count];
        if (messages.Count == 0)
        {
            return confirmed;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.PublishTimeout);
        var channel = await GetChannelAsync(timeout.Token);

        var confirms = new Task[messages.Count];
        var caller = Activity.Current;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            Activity.Current = message.Span ?? caller;
            confirms[i] = channel.BasicPublishAsync(message.Exchange, message.RoutingKey, message.Mandatory, message.Properties, message.Body, timeout.Token).AsTask();
        }

        Activity.Current = caller;

        Exception? failure = null;
        for (var i = 0; i < confirms.Length; i++)
        {
            try
            {
                await confirms[i];
                confirmed[i] = true;
            }
            catch (PublishException ex) when (ex.IsReturn)
            {
                LogReturned(logger, messages[i].Properties.MessageId, messages[i].RoutingKey);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                failure ??= ex;
            }
        }

        // One line per batch: with the broker down, every message of the batch fails the same way.
        if (failure is not null)
        {
            LogNotConfirmed(logger, confirmed.Count(c => !c), messages.Count, $"{failure.GetType().Name}: {failure.Message}");
        }

        return confirmed;
    }

    public async Task<bool> PublishAsync(OutgoingMessage message, CancellationToken cancellationToken) =>
        (await PublishAsync([message], cancellationToken))[0];

    public async ValueTask DisposeAsync()
    {
        if (_channel is not null)
        {
            await _channel.DisposeAsync();
        }

        _channelLock.Dispose();
    }

    private async Task<IChannel> GetChannelAsync(CancellationToken cancellationToken)
    {
        await _channelLock.WaitAsync(cancellationToken);
        try
        {
            // Automatic recovery reopens channels after a connection loss; a channel the broker closed for an error stays closed.
            if (_channel is null || _channel.IsClosed)
            {
                if (_channel is not null)
                {
                    await _channel.DisposeAsync();
                }

                _channel = await connection.CreateChannelAsync(
                    new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
                // Publishing to a missing exchange closes the channel; the relay may start before the consumer declares it.
                await _channel.ExchangeDeclareAsync(BrokerTopology.EventsExchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            }

            return _channel;
        }
        finally
        {
            _channelLock.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} to '{RoutingKey}' was returned: no queue is bound for it yet")]
    private static partial void LogReturned(ILogger logger, string? messageId, string routingKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Failed} of {Count} messages were not confirmed by the broker: {Reason}")]
    private static partial void LogNotConfirmed(ILogger logger, int failed, int count, string reason);
}
