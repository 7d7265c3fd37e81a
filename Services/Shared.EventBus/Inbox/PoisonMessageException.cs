namespace AspireMsa.EventBus.Inbox;

/// <summary>A message no retry can help (unknown type, malformed body): it goes straight to the dead-letter queue.</summary>
public sealed class PoisonMessageException : Exception
{
    public PoisonMessageException()
    {
    }

    public PoisonMessageException(string message)
        : base(message)
    {
    }

    public PoisonMessageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
