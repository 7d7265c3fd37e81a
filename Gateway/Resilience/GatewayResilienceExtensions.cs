using AspireMsa.Gateway.Canary;
using Microsoft.Extensions.Options;

namespace AspireMsa.Gateway.Resilience;

public static class GatewayResilienceExtensions
{
    /// <summary>Per-route timeouts (<c>ReverseProxy:Routes:*:Timeout</c>) and the retry budget for proxied requests.</summary>
    public static IHostApplicationBuilder AddGatewayResilience(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRequestTimeouts();
        builder.Services.AddOptions<GatewayRetryOptions>()
            .BindConfiguration(GatewayRetryOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(services =>
        {
            var retries = services.GetRequiredService<IOptions<GatewayRetryOptions>>().Value;
            return new RetryBudget(retries.BudgetRatio, retries.MinRetriesPerSecond, services.GetRequiredService<TimeProvider>());
        });
        return builder;
    }

    /// <summary>
    /// YARP's proxy pipeline with our steps in front of its own: answer 504 for a route timeout, choose the canary version,
    /// retry what may be retried; then session affinity, load balancing and passive health checks as in YARP's default.
    /// </summary>
    public static ReverseProxyConventionBuilder MapGatewayProxy(this IEndpointRouteBuilder app) =>
        app.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<RouteTimeoutMiddleware>();
            proxy.UseMiddleware<CanaryRoutingMiddleware>();
            proxy.UseMiddleware<IdempotentRetryMiddleware>();
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
}
