using System.Globalization;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace AspireMsa.EventBus.Broker;

/// <summary>
/// The exchange and queues of one service. Events go to one topic exchange with the event type as routing key; each service
/// has a quorum queue bound to the types it handles, one delay queue per retry delay that returns messages to it when their
/// TTL runs out, and a dead-letter queue.
/// </summary>
public sealed class BrokerTopology(string serviceName, IReadOnlyList<TimeSpan> retryDelays, IReadOnlyCollection<string> eventTypes, int deliveryLimit)
{
    public const string EventsExchange = "aspiremsa.events";

    private const ushort PreconditionFailed = 406;

    public string ServiceName { get; } = serviceName;

    public string Queue => ServiceName;

    public string DeadLetterQueue => $"{ServiceName}.dlq";

    public IReadOnlyList<TimeSpan> RetryDelays => retryDelays;

    public IReadOnlyCollection<string> EventTypes => eventTypes;

    public int DeliveryLimit => deliveryLimit;

    /// <summary>The delay is in the name: changing a delay declares a new queue instead of clashing with the old arguments.</summary>
    public string RetryQueue(int attempt) =>
        string.Create(CultureInfo.InvariantCulture, $"{ServiceName}.retry.{(long)retryDelays[attempt - 1].TotalMilliseconds}ms");

    /// <summary>
    /// Declares the exchange and the service's queues. Returns false when the service queue already existed with other
    /// arguments (declared before <c>x-delivery-limit</c> was set, so the broker refuses with PRECONDITION_FAILED): the
    /// existing queue is then used as it is, without the limit, rather than failing the service on an upgrade.
    /// </summary>
    public async Task<bool> DeclareAsync(IConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);

        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            await channel.ExchangeDeclareAsync(EventsExchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);

            // Classic, because operators browse it (get, then requeue) and a quorum queue would count each look as a delivery.
            await DeclareQueueAsync(channel, DeadLetterQueue, new Dictionary<string, object?> { ["x-queue-type"] = "classic" }, cancellationToken);

            var limited = true;
            try
            {
                await DeclareQueueAsync(channel, Queue, ServiceQueueArguments(), cancellationToken);
            }
            catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == PreconditionFailed)
            {
                // The refusal closed the channel; the queue exists, so check it passively and go on with a new channel.
                await channel.DisposeAsync();
                channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
                await channel.QueueDeclarePassiveAsync(Queue, cancellationToken);
                limited = false;
            }

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

            return limited;
        }
        finally
        {
            await channel.DisposeAsync();
        }
    }

    /// <summary>
    /// Should the broker dead-letter by itself (past the delivery limit), the message lands in our DLQ, not the void. The
    /// limit catches a message that kills its consumer before the bus could count an attempt (RabbitMQ 3.10 has no default).
    /// </summary>
    public Dictionary<string, object?> ServiceQueueArguments()
    {
        var arguments = Quorum(deadLetterTo: DeadLetterQueue);
        arguments["x-delivery-limit"] = deliveryLimit;
        return arguments;
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
