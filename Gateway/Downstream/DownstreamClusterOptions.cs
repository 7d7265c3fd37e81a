using System.ComponentModel.DataAnnotations;

namespace AspireMsa.Gateway.Downstream;

/// <summary>How the gateway watches and calls every service's cluster (<c>Downstream:Clusters</c>, the gateway's own settings).</summary>
public sealed class DownstreamClusterOptions
{
    [Required]
    [RegularExpression("^/.*", ErrorMessage = "Downstream:Clusters:HealthPath must be a path starting with '/'.")]
    public string HealthPath { get; set; } = "/health";

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a destination that failed passively stays out before it is tried again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan ReactivationPeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Per API, how long one try may wait for the service's next bytes (YARP's <c>HttpRequest:ActivityTimeout</c>, Envoy's
    /// per_try_timeout) before a retry; an API not listed keeps YARP's default.
    /// </summary>
    public Dictionary<string, TimeSpan> PerTryTimeouts { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
