using AspireMsa.Contracts;

namespace AspireMsa.EventBus.Inbox;

/// <summary>
/// How to read and handle one event type; the type's name is both the AMQP type and the routing key.
/// <see cref="InAggregateOrder"/>: whether an event older than the last one applied for its aggregate is skipped.
/// </summary>
public sealed record ConsumerRegistration(
    string EventType, Type ClrType, Func<IServiceProvider, IntegrationEvent, CancellationToken, Task> Handle, bool InAggregateOrder = true);
