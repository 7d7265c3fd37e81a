namespace AspireMsa.EventBus.Inbox;

/// <summary>
/// One row of <c>inbox_messages</c> per message id this service processed, written in the handler's transaction:
/// a redelivery finds the row, counts itself in <see cref="Deliveries"/> and is acknowledged without running the handler.
/// </summary>
public sealed class InboxMessage(Guid messageId, string type, string source, DateTimeOffset receivedAt)
{
    public const int SourceMaxLength = 100;

    public Guid MessageId { get; private set; } = messageId;

    public string Type { get; private set; } = type;

    /// <summary>The publishing service (the AMQP app-id).</summary>
    public string Source { get; private set; } = source;

    public DateTimeOffset ReceivedAt { get; private set; } = receivedAt;

    public int Deliveries { get; private set; } = 1;
}
