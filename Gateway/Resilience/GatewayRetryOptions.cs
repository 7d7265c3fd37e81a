using System.ComponentModel.DataAnnotations;

namespace AspireMsa.Gateway.Resilience;

/// <summary>Retries of proxied requests (<c>Retries</c>): idempotent, body-less requests only, and within a budget.</summary>
public sealed class GatewayRetryOptions
{
    public const string SectionName = "Retries";

    /// <summary>Further attempts after the first, each on another destination or, for a canary, the other version.</summary>
    [Range(0, 3)]
    public int MaxRetries { get; set; } = 1;

    /// <summary>Retries may add at most this share of the recent request volume (Envoy's and Linkerd's retry budget).</summary>
    [Range(0.0, 1.0)]
    public double BudgetRatio { get; set; } = 0.2;

    /// <summary>A floor so a quiet gateway can still retry the odd failure.</summary>
    [Range(0, 1000)]
    public int MinRetriesPerSecond { get; set; } = 5;
}
