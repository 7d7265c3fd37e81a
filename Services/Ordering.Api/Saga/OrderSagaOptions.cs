using System.ComponentModel.DataAnnotations;

namespace AspireMsa.Ordering.Api.Saga;

/// <summary>The order saga's timing, bound from the <c>OrderSaga</c> section and validated at start-up.</summary>
public sealed class OrderSagaOptions
{
    public const string SectionName = "OrderSaga";

    /// <summary>How long an order may stay pending without a stock reply before it is cancelled.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the sweeper looks for orders past the timeout: the timeout is enforced this precisely.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(2);

    [Range(1, 1000)]
    public int SweepBatchSize { get; set; } = 100;
}
