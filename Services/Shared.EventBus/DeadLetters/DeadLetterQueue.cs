using System.Text;
using AspireMsa.EventBus.Broker;
using AspireMsa.EventBus.Inbox;
using RabbitMQ.Client;

namespace AspireMsa.EventBus.DeadLetters;

/// <summary>
/// Reads and replays the service's dead-letter queue. Reading gets messages without acknowledging them and closes the
/// channel, which puts them back; replaying sends a message to the service's queue with a fresh attempt count, then
/// acknowledges it, so a message is never in neither queue.
/// </summary>
public sealed class DeadLetterQueue(IConnection connection, BrokerTopology topology, BrokerPublisher publisher)
{
    public string Name => topology.DeadLetterQueue;

    public async Task<DeadLetterListResponse> PeekAsync(int max, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var count = await channel.MessageCountAsync(Name, cancellationToken);
        var items = new List<DeadLetterResponse>();
        while (items.Count < max && await channel.BasicGetAsync(Name, autoAck: false, cancellationToken) is { } result)
        {
            items.Add(ToResponse(IncomingMessage.Copy(result.BasicProperties, result.Body)));
        }

        await channel.CloseAsync(cancellationToken);
        return new DeadLetterListResponse(Name, (long)count, items);
    }

    /// <param name="messageId">Replays only this message when given; every message up to <paramref name="max"/> otherwise.</param>
    public async Task<DeadLetterReplayResponse> ReplayAsync(string? messageId, int max, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var replayed = 0;
        var looked = 0;
        while (looked < max && await channel.BasicGetAsync(Name, autoAck: false, cancellationToken) is { } result)
        {
            looked++;
            var message = IncomingMessage.Copy(result.BasicProperties, result.Body);
            if (messageId is not null && message.Properties.MessageId != messageId)
            {
                continue;
            }

            var properties = new BasicProperties(message.Properties) { Headers = MessageHeaders.WithoutBrokerDeathRecords(message.Properties.Headers) };
            properties.Headers.Remove(MessageHeaders.Attempts);
            properties.Headers.Remove(MessageHeaders.DeadLetterReason);
            properties.Headers.Remove(MessageHeaders.DeadLetteredAt);
            properties.Headers[MessageHeaders.Replays] = (MessageHeaders.GetInt64(message.Properties.Headers, MessageHeaders.Replays) ?? 0) + 1;

            if (!await publisher.PublishAsync(new OutgoingMessage(string.Empty, topology.Queue, properties, message.Body), cancellationToken))
            {
                break;
            }

            await channel.BasicAckAsync(result.DeliveryTag, multiple: false, cancellationToken);
            replayed++;
        }

        // Messages looked at but not replayed go back to the queue with the channel.
        await channel.CloseAsync(cancellationToken);
        return new DeadLetterReplayResponse(Name, replayed);
    }

    private static DeadLetterResponse ToResponse(IncomingMessage message) =>
        new(
            message.Properties.MessageId,
            message.Properties.Type,
            message.Properties.AppId,
            message.Attempts,
            MessageHeaders.GetString(message.Properties.Headers, MessageHeaders.DeadLetterReason),
            MessageHeaders.GetString(message.Properties.Headers, MessageHeaders.DeadLetteredAt),
            Encoding.UTF8.GetString(message.Body.Span));
}
