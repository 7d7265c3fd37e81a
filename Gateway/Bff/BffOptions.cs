using System.ComponentModel.DataAnnotations;

namespace AspireMsa.Gateway.Bff;

/// <summary>
/// The aggregating endpoints' downstream services, by service-discovery name, and the time each call may take, bound
/// from <c>Bff</c>. Each budget is short because a page waits for the slowest part.
/// </summary>
public sealed class BffOptions
{
    public const string SectionName = "Bff";

    [Required]
    public Uri CatalogAddress { get; set; } = new("http://catalog-v1");

    [Required]
    public Uri InventoryAddress { get; set; } = new("http://inventory");

    [Required]
    public Uri OrderingAddress { get; set; } = new("http://ordering");

    // At most 10 s: the standard resilience handler's circuit breaker samples over 30 s, at least twice an attempt.
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:10", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan CatalogTimeout { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:10", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan InventoryTimeout { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:10", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan OrderingTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public static bool HasAbsoluteAddresses(BffOptions options) =>
        new[] { options.CatalogAddress, options.InventoryAddress, options.OrderingAddress }.All(address => address.IsAbsoluteUri);
}
