using System.Diagnostics.Metrics;

namespace AspireMsa.Ordering.Api.Saga;

/// <summary>Business counters of the order saga, under the <c>AspireMsa.Ordering</c> meter that ServiceDefaults exports.</summary>
public sealed class OrderingMetrics
{
    public const string MeterName = "AspireMsa.Ordering";

    private readonly Counter<long> _placed;
    private readonly Counter<long> _confirmed;
    private readonly Counter<long> _cancelled;
    private readonly Histogram<double> _sagaDuration;

    public OrderingMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _placed = meter.CreateCounter<long>("aspiremsa.orders.placed", "{order}", "Orders accepted as pending.");
        _confirmed = meter.CreateCounter<long>("aspiremsa.orders.confirmed", "{order}", "Orders confirmed after their stock was reserved.");
        _cancelled = meter.CreateCounter<long>("aspiremsa.orders.cancelled", "{order}", "Orders cancelled, by reason (rejected, timeout).");
        _sagaDuration = meter.CreateHistogram<double>(
            "aspiremsa.orders.saga.duration", "s", "Time from placing an order to its confirmation or cancellation, by outcome.");
    }

    public void Placed() => _placed.Add(1);

    public void Confirmed(TimeSpan sagaDuration)
    {
        _confirmed.Add(1);
        _sagaDuration.Record(sagaDuration.TotalSeconds, new KeyValuePair<string, object?>("outcome", "confirmed"));
    }

    public void Cancelled(string reason, TimeSpan sagaDuration)
    {
        var reasonTag = new KeyValuePair<string, object?>("reason", reason);
        _cancelled.Add(1, reasonTag);
        _sagaDuration.Record(sagaDuration.TotalSeconds, new KeyValuePair<string, object?>("outcome", "cancelled"), reasonTag);
    }
}
