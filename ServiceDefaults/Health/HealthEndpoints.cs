namespace AspireMsa.ServiceDefaults.Health;

/// <summary>The paths every process serves for its orchestrator and for Prometheus, and the tag of the liveness checks.</summary>
public static class HealthEndpoints
{
    public const string HealthPath = "/health";
    public const string AlivenessPath = "/alive";
    public const string MetricsPath = "/metrics";
    public const string LiveTag = "live";
}
