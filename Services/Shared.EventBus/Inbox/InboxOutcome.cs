namespace AspireMsa.EventBus.Inbox;

public enum InboxOutcome
{
    /// <summary>The handler ran and its changes committed.</summary>
    Processed,

    /// <summary>The message id was already in the inbox: a redelivery, skipped.</summary>
    Duplicate,

    /// <summary>A newer event of the same aggregate was applied first: this older one is skipped, never applied out of order.</summary>
    Superseded,
}
