namespace AspireMsa.IntegrationTests;

/// <summary>
/// Who may pin a catalog version with <c>X-Canary</c>: an admin any version, a tester (<c>tess</c>) only one that takes
/// traffic, anyone else none; and pinned requests never trigger the automatic rollback.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class CanaryPinTrustTests(FaultSystemFixture system) : IDisposable
{
    private readonly CanaryTraffic _traffic = new(system);

    [Fact]
    public async Task PinsFromCustomersAndAnonymousCallers_AreIgnored()
    {
        var alice = await system.GatewayAsAsync("alice");

        await _traffic.SetWeightAsync(0);
        Assert.Equal("catalog-v1", await ServedToAsync(alice, "v2"));
        Assert.Equal("catalog-v1", await ServedToAsync(_traffic.Anonymous, "v2"));

        await _traffic.SetWeightAsync(100);
        Assert.Equal("catalog-v2", await ServedToAsync(alice, "v1"));
        Assert.Equal("catalog-v2", await ServedToAsync(_traffic.Anonymous, "v1"));
    }

    [Fact]
    public async Task ATestersPin_ReachesOnlyVersionsThatTakeTraffic_WhileAnAdminsReachesAny()
    {
        var tess = await system.GatewayAsAsync("tess");
        var admin = await system.GatewayAsAsync("admin");

        await _traffic.SetWeightAsync(10);
        Assert.Equal("catalog-v2", await ServedToAsync(tess, "v2"));
        Assert.Equal("catalog-v1", await ServedToAsync(tess, "v1"));

        // Weight 0: not yet released, or rolled back.
        await _traffic.SetWeightAsync(0);
        Assert.Equal("catalog-v1", await ServedToAsync(tess, "v2"));
        Assert.Equal("catalog-v2", await ServedToAsync(admin, "v2"));
    }

    [Fact]
    public async Task PinnedRequestsToAFailingCanary_DoNotRollItBack()
    {
        var tess = await system.GatewayAsAsync("tess");
        await _traffic.SetWeightAsync(10);
        await _traffic.InjectIntoV2Async(delayMilliseconds: 0, errorRate: 1.0);
        try
        {
            // Twice the rollback's minimum of 20 requests, every one an error: weighted traffic like this rolls back at once.
            for (var i = 0; i < 40; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, CanaryTraffic.CatalogPath);
                request.Headers.Add("X-Canary", "v2");
                using var response = await tess.SendAsync(request);
                Assert.Equal(("catalog-v2", HttpStatusCode.ServiceUnavailable), (CanaryTraffic.ServedBy(response), response.StatusCode));
            }

            Assert.True(await _traffic.EveryReplicaReportsAsync(10), "Pinned requests rolled the canary back.");
        }
        finally
        {
            await _traffic.InjectIntoV2Async(delayMilliseconds: 0, errorRate: 0);
        }
    }

    public void Dispose() => _traffic.Dispose();

    private static async Task<string?> ServedToAsync(HttpClient client, string pinnedVersion)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, CanaryTraffic.CatalogPath);
        request.Headers.Add("X-Canary", pinnedVersion);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return CanaryTraffic.ServedBy(response);
    }
}
