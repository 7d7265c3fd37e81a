using Microsoft.Extensions.Http.Resilience;

namespace AspireMsa.Gateway.Bff;

public static class DownstreamClientBuilderExtensions
{
    /// <summary>
    /// Makes <paramref name="timeout"/> the client's binding time budget. ServiceDefaults gives every HttpClient the standard
    /// resilience handler (three retries with back-off, 30 s in total), which would hold an aggregated page far longer than
    /// any one part is worth; this client gets its own standard handler instead: one immediate retry for a dropped
    /// connection, and the total and per-attempt timeouts both set to the budget, so no retry can outlast it.
    /// </summary>
    public static IHttpClientBuilder WithTimeBudget(this IHttpClientBuilder client, Func<IServiceProvider, TimeSpan> timeout)
    {
        // The documented way to replace a handler added by ConfigureHttpClientDefaults; still marked experimental.
#pragma warning disable EXTEXP0001
        client.RemoveAllResilienceHandlers()
#pragma warning restore EXTEXP0001
            .AddStandardResilienceHandler()
            .Configure((resilience, services) =>
            {
                var budget = timeout(services);
                resilience.TotalRequestTimeout.Timeout = budget;
                resilience.AttemptTimeout.Timeout = budget;
                resilience.Retry.MaxRetryAttempts = 1;
                resilience.Retry.Delay = TimeSpan.Zero;
            });
        return client;
    }
}
