using System.Text.Json;
using AspireMsa.Analytics.Api.Landing;
using AspireMsa.Contracts;
using AspireMsa.EventBus;
using Parquet.Serialization;

namespace AspireMsa.Analytics.Api.Lake;

/// <summary>
/// One event type's table in the lake: its snake_case name (the hive folder under <c>raw/</c>) and how its landed events
/// become Parquet rows. The row types fix the file schema (column names, INT64 timestamps, decimal precision).
/// </summary>
public abstract class LakeTable(string eventType)
{
    /// <summary>The integration event's type name, as landed (<c>OrderPlaced</c>).</summary>
    public string EventType { get; } = eventType;

    /// <summary>The table's folder name (<c>order_placed</c>).</summary>
    public string Name { get; } = JsonNamingPolicy.SnakeCaseLower.ConvertName(eventType);

    public static LakeTable For<TEvent, TRow>(Func<TEvent, LakeEvent, TRow> toRow)
        where TEvent : IntegrationEvent =>
        new Typed<TEvent, TRow>(toRow);

    /// <summary>Subscribes the service to the table's event type, landing each event.</summary>
    public abstract EventBusBuilder Subscribe(EventBusBuilder bus);

    /// <summary>Writes the events as one Parquet file to <paramref name="destination"/>.</summary>
    public abstract Task WriteAsync(IReadOnlyList<LakeEvent> events, Stream destination, CancellationToken cancellationToken);

    private sealed class Typed<TEvent, TRow>(Func<TEvent, LakeEvent, TRow> toRow) : LakeTable(typeof(TEvent).Name)
        where TEvent : IntegrationEvent
    {
        // Every event is kept, so one retried after a newer event of its order is landed, not skipped as superseded.
        public override EventBusBuilder Subscribe(EventBusBuilder bus) => bus.AddConsumer<TEvent, LandingHandler<TEvent>>(inAggregateOrder: false);

        public override async Task WriteAsync(IReadOnlyList<LakeEvent> events, Stream destination, CancellationToken cancellationToken)
        {
            var rows = events.Select(e => toRow(Read(e), e)).ToList();
            await ParquetSerializer.SerializeAsync(rows, destination, cancellationToken: cancellationToken);
        }

        private static TEvent Read(LakeEvent landed) =>
            JsonSerializer.Deserialize<TEvent>(landed.Payload, JsonSerializerOptions.Web)
                ?? throw new InvalidDataException($"Landed event {landed.EventId} has an empty payload.");
    }
}
