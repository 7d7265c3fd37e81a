using System.ComponentModel.DataAnnotations;

namespace AspireMsa.Gateway.RateLimiting;

public sealed class FixedWindowLimit
{
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; }
}
