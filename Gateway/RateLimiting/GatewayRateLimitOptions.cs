using System.ComponentModel.DataAnnotations;

namespace AspireMsa.Gateway.RateLimiting;

/// <summary>Inflow control, in settings (section <c>RateLimiting</c>); the counters live in Redis so they hold across replicas.</summary>
public sealed class GatewayRateLimitOptions
{
    public const string SectionName = "RateLimiting";

    [Required]
    public FixedWindowLimit PerUser { get; set; } = new() { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) };

    [Required]
    public FixedWindowLimit PerAnonymousClient { get; set; } = new() { PermitLimit = 300, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Against password guessing: per client IP and username on <c>/connect/token</c>.</summary>
    [Required]
    public FixedWindowLimit TokenEndpoint { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Longest a request waits for the shared (Redis) counter before this replica counts it locally instead.</summary>
    [Range(typeof(TimeSpan), "00:00:00.01", "00:00:10")]
    public TimeSpan SharedStoreTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long every request is counted locally once the shared store failed, before one request probes it again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.5", "00:10:00")]
    public TimeSpan SharedStoreBreakDuration { get; set; } = TimeSpan.FromSeconds(5);
}
