using System.Globalization;
using RabbitMQ.Client;

namespace AspireMsa.EventBus.Broker;

/// <summary>
/// The exchange and queues of one service. Events go to one topic exchange with the event type as routing key; each service
/// has a quorum queue bound to the types it handles, one delay queue per retry delay that returns messages to it when their
/// TTL runs out, and a dead-letter queue.
/// </summary>
public sealed class BrokerTopology(string serviceName, IReadOnlyList<TimeSpan> retryDelays, IReadOnlyCollection<string> eventTypes)
{
    public const string EventsExchange = "aspiremsa.events";

    public string ServiceName { get; } = serviceName;

    public string Queue => ServiceName;

    public string DeadLetterQueue => $"{ServiceName}.dlq";

    public IReadOnlyList<TimeSpan> RetryDelays => retryDelays;

    public IReadOnlyCollection<string> EventTypes => eventTypes;

    /// <summary>The delay is in the name: changing a delay declares a new queue instead of clashing with the old arguments.</summary>
    public string RetryQueue(int attempt) =>
        string.Create(CultureInfo.InvariantCulture, $"{ServiceName}.retry.{(long)retryDelays[attempt - 1].TotalMilliseconds}ms");

    public async Task DeclareAsync(IChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);

        await channel.ExchangeDeclareAsync(EventsExchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);

        // Classic, because operators browse it (get, then requeue) and a quorum queue would count each look as a delivery.
        await DeclareQueueAsync(channel, DeadLetterQueue, new Dictionary<string, object?> { ["x-queue-type"] = "classic" }, cancellationToken);

        // Should the broker dead-letter by itself (RabbitMQ 4's default delivery limit), the message lands in our DLQ, not the void.
        await DeclareQueueAsync(channel, Queue, Quorum(deadLetterTo: DeadLetterQueue), cancellationToken);
        foreach (var eventType in eventTypes)
        {
            await channel.QueueBindAsync(Queue, EventsExchange, eventType, cancellationToken: cancellationToken);
        }

        for (var attempt = 1; attempt <= retryDelays.Count; attempt++)
        {
            var arguments = Quorum(deadLetterTo: Queue);
            arguments["x-message-ttl"] = (long)retryDelays[attempt - 1].TotalMilliseconds;
            await DeclareQueueAsync(channel, RetryQueue(attempt), arguments, cancellationToken);
        }
    }

    /// <summary>
    /// Quorum queues replicate and survive broker restarts (RabbitMQ 3.8+); at-least-once dead-lettering (3.10+) keeps a
    /// message that is moved between queues from being lost if the broker fails mid-way.
    /// </summary>
    private static Dictionary<string, object?> Quorum(string deadLetterTo) => new()
    {
        ["x-queue-type"] = "quorum",
        ["x-dead-letter-exchange"] = string.Empty,
        ["x-dead-letter-routing-key"] = deadLetterTo,
        ["x-dead-letter-strategy"] = "at-least-once",
        ["x-overflow"] = "reject-publish",
    };

    private static Task<QueueDeclareOk> DeclareQueueAsync(
        IChannel channel, string name, Dictionary<string, object?> arguments, CancellationToken cancellationToken) =>
        channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false, arguments, cancellationToken: cancellationToken);
}
