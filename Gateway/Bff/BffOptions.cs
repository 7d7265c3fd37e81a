using System.ComponentModel.DataAnnotations;

namespace AspireMsa.Gateway.Bff;

/// <summary>
/// The time each of the aggregating endpoints' downstream calls may take, bound from <c>Bff</c>; which service takes
/// them is the downstream registry's. Each budget is short because a page waits for the slowest part.
/// </summary>
public sealed class BffOptions
{
    public const string SectionName = "Bff";

    // At most 10 s: the standard resilience handler's circuit breaker samples over 30 s, at least twice an attempt.
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:10", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan CatalogTimeout { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:10", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan InventoryTimeout { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:10", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan OrderingTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
