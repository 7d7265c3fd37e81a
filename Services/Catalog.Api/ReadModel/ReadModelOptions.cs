using System.ComponentModel.DataAnnotations;

namespace AspireMsa.Catalog.Api.ReadModel;

/// <summary>Every number the Redis read model runs on (section <c>ReadModel</c>), validated when the service starts.</summary>
public sealed class ReadModelOptions : IValidatableObject
{
    public const string SectionName = "ReadModel";

    /// <summary>Longest one Redis call may take before it counts as failed and the read falls back to PostgreSQL.</summary>
    [Range(typeof(TimeSpan), "00:00:00.05", "00:00:30")]
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Share of failed Redis calls within <see cref="BreakerSamplingDuration"/> that opens the circuit.</summary>
    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls the breaker must see within <see cref="BreakerSamplingDuration"/> before it may open.</summary>
    [Range(2, 10_000)]
    public int BreakerMinimumThroughput { get; set; } = 4;

    [Range(typeof(TimeSpan), "00:00:00.5", "00:10:00")]
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long reads skip Redis once the circuit opened, before one probe call tries it again (half-open).</summary>
    [Range(typeof(TimeSpan), "00:00:00.5", "00:10:00")]
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Pause between two relay rounds while Redis accepts the pending changes.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "01:00:00")]
    public TimeSpan RelayInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest pause the relay backs off to while Redis keeps refusing.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "01:00:00")]
    public TimeSpan RelayMaxBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Age an outbox row must reach before the relay takes it, leaving fresh rows to the request that wrote them.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RelayGracePeriod { get; set; } = TimeSpan.FromSeconds(2);

    [Range(1, 10_000)]
    public int RelayBatchSize { get; set; } = 100;

    /// <summary>How long a deleted product's tombstone outlives it, refusing late writes of older versions.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan TombstoneTtl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long Redis remembers that an id is unknown to PostgreSQL, so repeated lookups skip the database.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan NotFoundTtl { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the index of a category without products is kept, so queries for arbitrary categories leave no lasting keys.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan EmptyIndexTtl { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Products read from PostgreSQL and written to Redis per round trip when an index or the whole model is rebuilt.</summary>
    [Range(1, 10_000)]
    public int RebuildBatchSize { get; set; } = 500;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RelayMaxBackoff < RelayInterval)
        {
            yield return new ValidationResult(
                $"{nameof(RelayMaxBackoff)} must not be shorter than {nameof(RelayInterval)}.", [nameof(RelayMaxBackoff)]);
        }
    }
}
