namespace AspireMsa.EventBus.Outbox.Parked;

/// <summary>The outbox rows the relay gave up on, for operators: list them, and send them back to the relay.</summary>
public interface IParkedOutbox
{
    Task<ParkedOutboxListResponse> ListAsync(int max, CancellationToken cancellationToken);

    /// <summary>Unparks one row by <paramref name="messageId"/>, or the oldest <paramref name="max"/> parked rows, with a fresh attempt count.</summary>
    Task<ParkedOutboxReplayResponse> ReplayAsync(Guid? messageId, int max, CancellationToken cancellationToken);
}
