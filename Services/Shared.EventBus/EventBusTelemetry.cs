using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AspireMsa.EventBus;

/// <summary>
/// The bus's spans and instruments under the name <c>AspireMsa.EventBus</c>, which ServiceDefaults already exports.
/// Publish and process spans take their parent from the message, so one order's trace runs through the broker.
/// </summary>
public sealed class EventBusTelemetry
{
    public const string Name = "AspireMsa.EventBus";

    private static readonly ActivitySource Source = new(Name);

    private readonly TimeProvider _clock;
    private long _outboxBacklog;
    private long _oldestUnsentTicks;
    private long _deadLetters;
    private long _parked;

    public EventBusTelemetry(IMeterFactory meterFactory, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _clock = clock;
        var meter = meterFactory.Create(Name);
        Published = meter.CreateCounter<long>("aspiremsa.eventbus.published", "{message}", "Messages the outbox relay published and the broker confirmed.");
        Consumed = meter.CreateCounter<long>("aspiremsa.eventbus.consumed", "{message}", "Messages consumed and acknowledged, by outcome.");
        Retried = meter.CreateCounter<long>("aspiremsa.eventbus.retried", "{message}", "Failed messages sent to a retry queue.");
        DeadLettered = meter.CreateCounter<long>("aspiremsa.eventbus.dead_lettered", "{message}", "Messages moved to this service's dead-letter queue.");
        meter.CreateObservableGauge("aspiremsa.eventbus.outbox.backlog", () => Volatile.Read(ref _outboxBacklog), "{message}", "Outbox rows not yet published (parked rows not counted).");
        meter.CreateObservableGauge("aspiremsa.eventbus.outbox.lag", ObserveOutboxLag, "s", "Age of the oldest outbox row not yet published; 0 when every row is sent.");
        ConsumerRestarts = meter.CreateCounter<long>("aspiremsa.eventbus.consumer.restarts", "{restart}", "Times the broker closed the consumer's channel or cancelled it and the consumer was set up again.");
        meter.CreateObservableGauge("aspiremsa.eventbus.outbox.parked", () => Volatile.Read(ref _parked), "{message}", "Outbox rows parked after too many failed publishes, waiting for an operator's replay.");
        meter.CreateObservableGauge("aspiremsa.eventbus.dead_letters", () => Volatile.Read(ref _deadLetters), "{message}", "Messages waiting in this service's dead-letter queue.");
    }

    public Counter<long> Published { get; }

    public Counter<long> Consumed { get; }

    public Counter<long> Retried { get; }

    public Counter<long> DeadLettered { get; }

    public Counter<long> ConsumerRestarts { get; }

    /// <param name="oldestUnsentAt">When the oldest unsent row was written; the lag keeps growing from it until a relay reports again.</param>
    public void ReportOutbox(long unsent, DateTimeOffset? oldestUnsentAt, long parked)
    {
        Volatile.Write(ref _outboxBacklog, unsent);
        Volatile.Write(ref _parked, parked);
        Volatile.Write(ref _oldestUnsentTicks, oldestUnsentAt?.UtcTicks ?? 0);
    }

    public void ReportDeadLetters(long count) => Volatile.Write(ref _deadLetters, count);

    private double ObserveOutboxLag()
    {
        var oldest = Volatile.Read(ref _oldestUnsentTicks);
        return oldest == 0 ? 0 : Math.Max(0, TimeSpan.FromTicks(_clock.GetUtcNow().UtcTicks - oldest).TotalSeconds);
    }

    /// <summary>Continues the trace of the request or message that wrote the outbox row.</summary>
    public static Activity? StartPublish(string type, string? traceParent, string exchange) =>
        Start($"{type} publish", ActivityKind.Producer, traceParent, exchange, "publish");

    /// <summary>Continues the trace of the publisher; the handler's database work and its own events nest under it.</summary>
    public static Activity? StartProcess(string type, string? traceParent, string queue) =>
        Start($"{type} process", ActivityKind.Consumer, traceParent, queue, "process");

    private static Activity? Start(string name, ActivityKind kind, string? traceParent, string destination, string operation)
    {
        ActivityContext.TryParse(traceParent, null, out var parent);
        var activity = Source.StartActivity(name, kind, parent);
        activity?.SetTag("messaging.system", "rabbitmq");
        activity?.SetTag("messaging.destination.name", destination);
        activity?.SetTag("messaging.operation.type", operation);
        return activity;
    }
}
