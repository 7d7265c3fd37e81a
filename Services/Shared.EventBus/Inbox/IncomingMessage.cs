using AspireMsa.EventBus.Broker;
using RabbitMQ.Client;

namespace AspireMsa.EventBus.Inbox;

/// <summary>
/// A delivery copied out of the client's buffers (they are reused once the receive callback returns),
/// with the bus's headers read back.
/// </summary>
public sealed record IncomingMessage(BasicProperties Properties, ReadOnlyMemory<byte> Body)
{
    public Guid? MessageId => Guid.TryParse(Properties.MessageId, out var id) ? id : null;

    public string Type => Properties.Type ?? string.Empty;

    public string Source => Properties.AppId ?? string.Empty;

    public string? TraceParent => MessageHeaders.GetString(Properties.Headers, MessageHeaders.TraceParent);

    public int Attempts => (int)(MessageHeaders.GetInt64(Properties.Headers, MessageHeaders.Attempts) ?? 0);

    public Guid? AggregateId => Guid.TryParse(MessageHeaders.GetString(Properties.Headers, MessageHeaders.AggregateId), out var id) ? id : null;

    public long? Sequence => MessageHeaders.GetInt64(Properties.Headers, MessageHeaders.Sequence);

    public static IncomingMessage Copy(IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var copy = new BasicProperties(properties)
        {
            Headers = new Dictionary<string, object?>(properties.Headers ?? new Dictionary<string, object?>()),
        };
        return new IncomingMessage(copy, body.ToArray());
    }
}
