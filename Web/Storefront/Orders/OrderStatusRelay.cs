using System.Diagnostics;
using System.Text;
using System.Text.Json;
using AspireMsa.Contracts;
using AspireMsa.ServiceDefaults.Health;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using StackExchange.Redis;

namespace AspireMsa.Storefront.Orders;

/// <summary>
/// Carries Ordering's <see cref="OrderStatusChanged"/> events from the broker to Redis pub/sub. The replicas share one
/// queue, so each event is taken by one of them, and its Redis publish reaches all of them, including the one holding
/// the buyer's open page. A push is a notification, not state: a redelivered one re-sends a status the page already
/// shows, so no inbox is needed, and a lost one is made good when the page reloads its timeline on reconnect. That is why
/// this is a small consumer of its own rather than the services' event bus, whose inbox needs a database.
/// </summary>
public sealed partial class OrderStatusRelay(
    IServiceProvider services,
    IConnectionMultiplexer redis,
    BackgroundServiceHealth health,
    ILogger<OrderStatusRelay> logger) : BackgroundService
{
    public const string ExchangeName = "aspiremsa.events";
    public const string QueueName = "storefront.order-status";
    public const string ServiceName = "order-status-relay";

    public static readonly RedisChannel Channel = RedisChannel.Literal("aspiremsa:storefront:order-status");

    private static readonly ActivitySource Activities = new("AspireMsa.Storefront");
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            IChannel? channel = null;
            try
            {
                // Resolved in the loop: the client's first connect throws while the broker is still away.
                var connection = services.GetRequiredService<IConnection>();
                var stopped = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                channel = await ConsumeAsync(connection, stopped, stoppingToken);
                health.Succeeded(ServiceName);
                var reason = await stopped.Task.WaitAsync(stoppingToken);
                throw new InvalidOperationException(reason);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                var failures = health.Failed(ServiceName, exception);
                var delay = BackgroundServiceHealth.Backoff(FirstRetryDelay, failures, MaxRetryDelay);
                LogRelayStopped(logger, exception, delay);
                await DisposeAsync(channel);
                await Task.Delay(delay, stoppingToken);
            }
        }
    }

    private async Task<IChannel> ConsumeAsync(IConnection connection, TaskCompletionSource<string> stopped, CancellationToken ct)
    {
        var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        channel.ChannelShutdownAsync += (_, args) =>
        {
            stopped.TrySetResult($"the channel closed ({args.Initiator}, {args.ReplyCode} {args.ReplyText})");
            return Task.CompletedTask;
        };

        await channel.ExchangeDeclareAsync(ExchangeName, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: ct);
        // Quorum like the services' queues; a delivery limit drops a message that keeps failing instead of looping on it.
        await channel.QueueDeclareAsync(QueueName, durable: true, exclusive: false, autoDelete: false, new Dictionary<string, object?>
        {
            ["x-queue-type"] = "quorum",
            ["x-delivery-limit"] = 5,
        }, cancellationToken: ct);
        await channel.QueueBindAsync(QueueName, ExchangeName, nameof(OrderStatusChanged), cancellationToken: ct);
        await channel.BasicQosAsync(prefetchSize: 0, prefetchCount: 50, global: false, ct);

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) => RelayAsync(channel, delivery, ct);
        consumer.UnregisteredAsync += (_, _) =>
        {
            stopped.TrySetResult("the broker cancelled the consumer");
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(QueueName, autoAck: false, consumer, ct);
        LogRelaying(logger, QueueName);
        return channel;
    }

    private async Task RelayAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken ct)
    {
        using var activity = Activities.StartActivity($"{QueueName} process", ActivityKind.Consumer, TraceParent(delivery.BasicProperties));
        try
        {
            var changed = JsonSerializer.Deserialize<OrderStatusChanged>(delivery.Body.Span, JsonSerializerOptions.Web);
            if (changed is not null)
            {
                activity?.SetTag("aspiremsa.order.id", changed.OrderId);
                var update = new OrderStatusUpdate(changed.OrderId, changed.BuyerId, changed.Status, changed.Reason, changed.OccurredAt);
                await redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(update, JsonSerializerOptions.Web));
            }
        }
        catch (Exception exception) when (exception is JsonException or RedisException)
        {
            // Nobody can act on it later: a bad payload stays bad, and a page that missed the push reloads its timeline.
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            LogPushFailed(logger, exception);
        }

        await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, ct);
    }

    private static string? TraceParent(IReadOnlyBasicProperties properties) =>
        properties.Headers?.TryGetValue("traceparent", out var value) == true && value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : null;

    private async Task DisposeAsync(IChannel? channel)
    {
        if (channel is null)
        {
            return;
        }

        try
        {
            await channel.CloseAsync();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogCloseFailed(logger, exception.Message);
        }

        await channel.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Relaying order status changes from queue {Queue} to Redis")]
    private static partial void LogRelaying(ILogger logger, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The order status relay stopped; starting again in {Delay}")]
    private static partial void LogRelayStopped(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An order status change could not be pushed to the storefront replicas")]
    private static partial void LogPushFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing the relay's channel failed: {Error}")]
    private static partial void LogCloseFailed(ILogger logger, string error);
}
