using System.ComponentModel.DataAnnotations;

namespace AspireMsa.Ordering.Api.Apis;

/// <summary>Per-buyer limits, bound from the <c>OrderLimits</c> section and validated at start-up.</summary>
public sealed class OrderLimitsOptions
{
    public const string SectionName = "OrderLimits";

    /// <summary>
    /// Pending orders one buyer may have at once. Each holds reservations until the saga decides it, so without a cap
    /// one account could tie up the whole stock.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxPendingOrdersPerBuyer { get; set; } = 20;
}
