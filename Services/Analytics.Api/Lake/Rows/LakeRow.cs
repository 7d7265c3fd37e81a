using System.Text.Json.Serialization;
using Parquet.Serialization.Attributes;

namespace AspireMsa.Analytics.Api.Lake.Rows;

/// <summary>
/// The columns every lake table has, after the event's own. Timestamps are INT64 microseconds since the epoch, adjusted
/// to UTC (the TIMESTAMP logical type), never the legacy INT96 that Spark, Trino and Athena each read differently. Ids
/// are strings, which every engine reads alike (Parquet's UUID type is not).
/// </summary>
public abstract class LakeRow
{
    protected LakeRow(LakeEvent landed)
    {
        ArgumentNullException.ThrowIfNull(landed);
        EventId = landed.EventId.ToString();
        OccurredAt = landed.OccurredAt.UtcDateTime;
        LandedAt = landed.LandedAt.UtcDateTime;
    }

    [JsonPropertyName("event_id")]
    [ParquetRequired]
    public string EventId { get; }

    [JsonPropertyName("occurred_at")]
    [ParquetTimestamp(ParquetTimestampResolution.Microseconds, useLogicalTimestamp: true)]
    public DateTime OccurredAt { get; }

    [JsonPropertyName("landed_at")]
    [ParquetTimestamp(ParquetTimestampResolution.Microseconds, useLogicalTimestamp: true)]
    public DateTime LandedAt { get; }
}
