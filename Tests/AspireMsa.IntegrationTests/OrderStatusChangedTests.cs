using System.Text.Json;
using System.Threading.Channels;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// Ordering announces every status change after placement as <c>OrderStatusChanged</c>, seen here the way a new subscriber
/// (the storefront, analytics) sees it: a queue of its own bound to the event exchange with the event's type as routing key.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class OrderStatusChangedTests(SystemFixture system) : IAsyncLifetime
{
    private const string EventType = "OrderStatusChanged";

    private readonly Channel<(BasicDeliverEventArgs Delivery, StatusChangedDto Event)> _received =
        Channel.CreateUnbounded<(BasicDeliverEventArgs, StatusChangedDto)>();

    private IConnection? _connection;
    private IChannel? _channel;

    public async Task InitializeAsync()
    {
        var factory = new ConnectionFactory { Uri = new Uri((await system.App.GetConnectionStringAsync("rabbitmq"))!) };
        _connection = await factory.CreateConnectionAsync();
        _channel = await _connection.CreateChannelAsync();
        // Server-named, exclusive and auto-deleted: it lives as long as this test's connection and touches no service queue.
        var queue = await _channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true);
        await _channel.QueueBindAsync(queue.QueueName, MessagingBroker.EventsExchange, EventType);

        var consumer = new AsyncEventingBasicConsumer(_channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            var @event = JsonSerializer.Deserialize<StatusChangedDto>(delivery.Body.Span, JsonSerializerOptions.Web)!;
            // The body is only valid during the callback; the event is already parsed, the properties stay readable.
            await _received.Writer.WriteAsync((delivery, @event));
        };
        await _channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
    }

    public async Task DisposeAsync()
    {
        if (_channel is not null)
        {
            await _channel.DisposeAsync();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    [Fact]
    public async Task AnOrderForAvailableStock_IsAnnouncedAsConfirmed_ForItsBuyer()
    {
        var saga = await OrderSagaDriver.ForAsync(system);
        var productId = Guid.NewGuid();
        await saga.SetStockAsync(productId, 5);

        var orderId = await saga.PlaceOrderAsync((productId, 2));
        var (delivery, announced) = await ReceiveForAsync(orderId);

        Assert.Equal("Confirmed", announced.Status);
        Assert.Equal(await AliceIdAsync(), announced.BuyerId);
        Assert.Equal("Stock reserved", announced.Reason);
        Assert.Equal(EventType, delivery.BasicProperties.Type);
        Assert.Equal("ordering", delivery.BasicProperties.AppId);
        // Keyed by the order, so subscribers can apply one order's changes in sequence.
        Assert.Equal(orderId.ToString(), HeaderText(delivery, "x-aggregate-id"));
    }

    [Fact]
    public async Task AnOrderForUnavailableStock_IsAnnouncedAsCancelled_WithTheReasonInItsHistory()
    {
        var saga = await OrderSagaDriver.ForAsync(system);
        var unknown = Guid.NewGuid();

        var orderId = await saga.PlaceOrderAsync((unknown, 1));
        var (_, announced) = await ReceiveForAsync(orderId);
        var order = await saga.WaitForTerminalAsync(orderId);

        Assert.Equal("Cancelled", announced.Status);
        Assert.Equal(await AliceIdAsync(), announced.BuyerId);
        Assert.StartsWith("Stock rejected:", announced.Reason, StringComparison.Ordinal);
        Assert.Equal(order.History[^1].Reason, announced.Reason);
    }

    /// <summary>The first announcement for <paramref name="orderId"/>; other tests' orders share the exchange and are skipped.</summary>
    private async Task<(BasicDeliverEventArgs Delivery, StatusChangedDto Event)> ReceiveForAsync(Guid orderId)
    {
        using var deadline = new CancellationTokenSource(OrderSagaDriver.SettleDeadline);
        try
        {
            while (true)
            {
                var received = await _received.Reader.ReadAsync(deadline.Token);
                if (received.Event.OrderId == orderId)
                {
                    return received;
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            Assert.Fail($"No {EventType} for order {orderId} within {OrderSagaDriver.SettleDeadline}.");
            throw;
        }
    }

    private async Task<string> AliceIdAsync() =>
        (await (await system.GatewayAsAsync("alice")).GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetString()!;

    private static string? HeaderText(BasicDeliverEventArgs delivery, string name) =>
        delivery.BasicProperties.Headers?.TryGetValue(name, out var value) == true && value is byte[] bytes
            ? System.Text.Encoding.UTF8.GetString(bytes)
            : null;

    private sealed record StatusChangedDto(Guid OrderId, string BuyerId, string Status, string? Reason);
}
