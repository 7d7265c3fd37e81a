using System.Diagnostics;
using Xunit.Abstractions;

namespace AspireMsa.IntegrationTests;

/// <summary>The gateway isolates a failing or slow catalog version: timeouts, health checks, retries and failover.</summary>
[Collection(FaultCollection.Name)]
public sealed class CanaryFailureIsolationTests(FaultSystemFixture system, ITestOutputHelper output) : IDisposable
{
    private const string CatalogV2 = "catalog-v2";
    private readonly CanaryTraffic _traffic = new(system);

    [Fact]
    public async Task ASlowCatalog_AnswersGatewayTimeout_WithinTheRouteTimeout_NotAHang()
    {
        await _traffic.InjectIntoV2Async(delayMilliseconds: 60_000, errorRate: 0);
        try
        {
            // Only an admin's pin reaches a version at weight 0.
            var admin = await system.GatewayAsAsync("admin");
            using var request = new HttpRequestMessage(HttpMethod.Get, CanaryTraffic.CatalogPath);
            request.Headers.Add("X-Canary", "v2");
            // Far below the injected minute: the client gives up only if the gateway hangs with the service.
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var stopwatch = Stopwatch.StartNew();
            using var response = await admin.SendAsync(request, patience.Token);

            // v2 is pinned, so there is no other destination to retry on: the per-try timeout (5 s) ends it.
            await Problems.AssertAsync(response, HttpStatusCode.GatewayTimeout);
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(15), $"Answered after {stopwatch.Elapsed}, later than the 15 s route timeout.");
        }
        finally
        {
            await _traffic.InjectIntoV2Async(delayMilliseconds: 0, errorRate: 0);
        }
    }

    [Fact]
    public async Task StoppingTheCanary_WhileTrafficFlows_MovesItToV1_AndItReturnsWhenStarted()
    {
        await _traffic.SetWeightAsync(50);
        using var load = new CancellationTokenSource();
        var failures = 0;
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!load.IsCancellationRequested)
            {
                using var response = await _traffic.Anonymous.GetAsync(CanaryTraffic.CatalogPath, CancellationToken.None);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToArray();

        await OperatorCommands.StopAsync(system.App, CatalogV2, output);

        // The health checks eject v2 (the breaker opens), and weighted traffic goes to v1 with nothing failing.
        Assert.True(await ResourceLogs.ContainsAsync(system.App, "gateway", "on cluster `catalog-v2` is set to 'Unhealthy'", TimeSpan.FromSeconds(60)),
            "The gateway did not log that its health check ejected catalog-v2.");
        Assert.Equal((100, 0), await _traffic.CountNewVisitorsAsync(100));
        await load.CancelAsync();
        await Task.WhenAll(workers);
        // Only requests in flight at the moment of the stop may fail (at most one per worker); retries save most of them.
        Assert.InRange(failures, 0, workers.Length);

        await OperatorCommands.StartAgainAsync(system.App, CatalogV2, output);

        // Readmitted by the active health check (the breaker closes): weighted traffic reaches v2 again.
        Assert.True(await Polling.UntilAsync(async () => (await _traffic.CountNewVisitorsAsync(20)).V2 > 0, TimeSpan.FromSeconds(60)),
            "catalog-v2 got no traffic after it was started again.");
    }

    public void Dispose() => _traffic.Dispose();
}
