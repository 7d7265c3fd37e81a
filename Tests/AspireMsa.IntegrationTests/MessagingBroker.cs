using RabbitMQ.Client;

namespace AspireMsa.IntegrationTests;

/// <summary>Talks to the system's RabbitMQ directly, the way a misbehaving or duplicating publisher would.</summary>
public static class MessagingBroker
{
    public const string EventsExchange = "aspiremsa.events";

    public static async Task PublishAsync(DistributedApplication app, string exchange, string routingKey, BasicProperties properties, byte[] body)
    {
        var factory = new ConnectionFactory { Uri = new Uri((await app.GetConnectionStringAsync("rabbitmq"))!) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.BasicPublishAsync(exchange, routingKey, mandatory: true, properties, body);
    }

    public static BasicProperties Properties(Guid messageId, string type, string source, IDictionary<string, object?>? headers = null) =>
        new()
        {
            MessageId = messageId.ToString(),
            Type = type,
            AppId = source,
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
            Headers = headers ?? new Dictionary<string, object?>(),
        };
}
