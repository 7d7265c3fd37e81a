using System.Globalization;
using AspireMsa.EventBus.Broker;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace AspireMsa.EventBus.Inbox;

/// <summary>
/// Decides where a message that failed goes: to the next retry queue with its attempt count raised (the queue's TTL is the
/// backoff), or, when the retry delays are used up or the message is poison, to the service's dead-letter queue.
/// </summary>
public sealed partial class DeliveryFailureHandler(
    BrokerTopology topology, BrokerPublisher publisher, EventBusTelemetry telemetry, TimeProvider clock, ILogger<DeliveryFailureHandler> logger)
{
    private const int MaxReasonLength = 1000;

    /// <summary>Returns true when the message was handed on and the original may be acknowledged.</summary>
    public async Task<bool> HandleAsync(IncomingMessage message, Exception failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(failure);
        try
        {
            return await HandOnAsync(message, failure, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // No channel to publish on (the broker is going away): the original is redelivered after recovery.
            LogHandOnFailed(logger, message.Properties.MessageId, $"{ex.GetType().Name}: {ex.Message}");
            return false;
        }
    }

    private async Task<bool> HandOnAsync(IncomingMessage message, Exception failure, CancellationToken cancellationToken)
    {

        var attempts = message.Attempts + 1;
        var properties = new BasicProperties(message.Properties) { Headers = MessageHeaders.WithoutBrokerDeathRecords(message.Properties.Headers) };
        properties.Headers[MessageHeaders.Attempts] = attempts;

        if (failure is not PoisonMessageException && attempts <= topology.RetryDelays.Count)
        {
            var retryQueue = topology.RetryQueue(attempts);
            LogRetrying(logger, failure, message.Properties.MessageId, message.Type, attempts, topology.RetryDelays[attempts - 1]);
            var retried = await publisher.PublishAsync(new OutgoingMessage(string.Empty, retryQueue, properties, message.Body), cancellationToken);
            if (retried)
            {
                telemetry.Retried.Add(1);
            }

            return retried;
        }

        properties.Headers[MessageHeaders.DeadLetterReason] = Reason(failure);
        properties.Headers[MessageHeaders.DeadLetteredAt] = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        LogDeadLettering(logger, failure, message.Properties.MessageId, message.Type, attempts);
        var deadLettered = await publisher.PublishAsync(new OutgoingMessage(string.Empty, topology.DeadLetterQueue, properties, message.Body), cancellationToken);
        if (deadLettered)
        {
            telemetry.DeadLettered.Add(1);
        }

        return deadLettered;
    }

    private static string Reason(Exception failure)
    {
        var reason = $"{failure.GetType().Name}: {failure.Message}";
        return reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} could not be moved to a retry or dead-letter queue: {Reason}")]
    private static partial void LogHandOnFailed(ILogger logger, string? messageId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} ({Type}) failed on attempt {Attempt}; retrying in {Delay}")]
    private static partial void LogRetrying(ILogger logger, Exception exception, string? messageId, string type, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} ({Type}) failed after {Attempts} attempts; moving it to the dead-letter queue")]
    private static partial void LogDeadLettering(ILogger logger, Exception exception, string? messageId, string type, int attempts);
}
