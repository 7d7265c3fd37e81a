using System.Diagnostics;
using RabbitMQ.Client;

namespace AspireMsa.EventBus.Broker;

/// <summary>
/// A message ready for <see cref="BrokerPublisher"/>; always published persistent and confirmed, and mandatory unless it
/// is a broadcast (<see cref="BroadcastEvents"/>), which may reach no queue at all.
/// <paramref name="Span"/> is made current while publishing, so the client library's own publish span joins its trace.
/// </summary>
public sealed record OutgoingMessage(
    string Exchange, string RoutingKey, BasicProperties Properties, ReadOnlyMemory<byte> Body, Activity? Span = null, bool Mandatory = true);
