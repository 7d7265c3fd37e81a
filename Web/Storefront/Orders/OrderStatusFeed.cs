using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using AspireMsa.ServiceDefaults.Health;
using StackExchange.Redis;

namespace AspireMsa.Storefront.Orders;

/// <summary>
/// This replica's ear on the Redis channel the relay publishes to: each update goes to the pages open on this replica
/// for that order and that buyer. A page subscribes for as long as its stream is open.
/// </summary>
public sealed partial class OrderStatusFeed(IConnectionMultiplexer redis, BackgroundServiceHealth health, ILogger<OrderStatusFeed> logger) : BackgroundService
{
    public const string ServiceName = "order-status-feed";

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Channel<OrderStatusUpdate>, string>> _watchers = new();

    /// <summary>Updates of <paramref name="orderId"/> for <paramref name="buyerId"/>, until the returned subscription is disposed.</summary>
    public OrderStatusSubscription Watch(Guid orderId, string buyerId)
    {
        var updates = Channel.CreateBounded<OrderStatusUpdate>(new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest });
        _watchers.GetOrAdd(orderId, _ => new())[updates] = buyerId;
        return new OrderStatusSubscription(updates.Reader, () =>
        {
            if (_watchers.TryGetValue(orderId, out var watchers) && watchers.TryRemove(updates, out _) && watchers.IsEmpty)
            {
                _watchers.TryRemove(KeyValuePair.Create(orderId, watchers));
            }
        });
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // StackExchange.Redis re-subscribes by itself after a reconnect; this loop only covers the first subscribe.
                await redis.GetSubscriber().SubscribeAsync(OrderStatusRelay.Channel, (_, message) => Deliver(message));
                health.Succeeded(ServiceName);
                return;
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                failures = health.Failed(ServiceName, exception);
                var delay = BackgroundServiceHealth.Backoff(FirstRetryDelay, failures, MaxRetryDelay);
                LogSubscribeFailed(logger, exception, delay);
                await Task.Delay(delay, stoppingToken);
            }
        }
    }

    private void Deliver(RedisValue message)
    {
        OrderStatusUpdate? update;
        try
        {
            update = JsonSerializer.Deserialize<OrderStatusUpdate>(message.ToString(), JsonSerializerOptions.Web);
        }
        catch (JsonException exception)
        {
            LogUnreadable(logger, exception);
            return;
        }

        if (update is null || !_watchers.TryGetValue(update.OrderId, out var watchers))
        {
            return;
        }

        foreach (var (updates, buyerId) in watchers)
        {
            // The stream checked the order's owner when it opened; a buyer hears only their own order.
            if (string.Equals(buyerId, update.BuyerId, StringComparison.Ordinal))
            {
                updates.Writer.TryWrite(update);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to order status changes; trying again in {Delay}")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An order status message on Redis could not be read")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);
}
