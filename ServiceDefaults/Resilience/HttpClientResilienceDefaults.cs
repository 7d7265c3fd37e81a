using Microsoft.Extensions.Http.Resilience;

namespace AspireMsa.ServiceDefaults.Resilience;

/// <summary>
/// What every service-to-service HttpClient does when a call fails, stated here rather than left to the library's
/// defaults; a service overrides any of it under <c>HttpClientResilience</c> (e.g. <c>HttpClientResilience:Retry:MaxRetryAttempts</c>).
/// </summary>
public static class HttpClientResilienceDefaults
{
    public const string SectionName = "HttpClientResilience";

    public static void Apply(HttpStandardResilienceOptions options)
    {
        // A caller's whole budget, retries included, then one attempt's; the breaker samples at least two attempts' worth.
        options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(30);
        options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10);

        // Transient failures (5xx, 408, 429, connection errors) retried three times, exponential back-off with jitter.
        options.Retry.MaxRetryAttempts = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(500);
        options.Retry.BackoffType = Polly.DelayBackoffType.Exponential;
        options.Retry.UseJitter = true;

        // Opens when a fifth of at least 20 calls in 30 s fail, and tries again after 15 s (half-open).
        options.CircuitBreaker.FailureRatio = 0.2;
        options.CircuitBreaker.MinimumThroughput = 20;
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30);
        options.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(15);
    }
}
