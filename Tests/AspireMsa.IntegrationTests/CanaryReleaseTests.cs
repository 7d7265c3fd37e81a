using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMsa.IntegrationTests;

/// <summary>The gateway splits catalog traffic between catalog-v1 and catalog-v2 by weight, pins by trusted header, user or cookie.</summary>
[Collection(FaultCollection.Name)]
public sealed class CanaryReleaseTests(FaultSystemFixture system) : IDisposable
{
    private readonly CanaryTraffic _traffic = new(system);

    [Fact]
    public async Task AnAdminsXCanaryHeader_PinsAVersion_AndOnlyV2AddsTheSlug()
    {
        var admin = await system.GatewayAsAsync("admin");
        var created = await (await admin.PostAsJsonAsync(CanaryTraffic.CatalogPath,
            new { name = "Café Crème Mug", description = "Stoneware", price = 12.50m, category = "kitchen" })).Content.ReadFromJsonAsync<ProductDto>();
        Assert.NotNull(created);

        foreach (var (version, slug) in new[] { ("v1", (string?)null), ("v2", "café-crème-mug") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{CanaryTraffic.CatalogPath}/{created.Id}");
            request.Headers.Add("X-Canary", version);
            using var response = await admin.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal($"catalog-{version}", CanaryTraffic.ServedBy(response));
            var product = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(slug, product.TryGetProperty("slug", out var value) ? value.GetString() : null);
        }
    }

    [Fact]
    public async Task NewVisitors_AreSplitByTheWeight_WithinStatisticalBounds()
    {
        await _traffic.SetWeightAsync(20);

        var (v1, v2) = await _traffic.CountNewVisitorsAsync(400);

        // Binomial(400, 0.2): mean 80, standard deviation 8; five deviations either side fail by chance once in ~3.5 million runs.
        Assert.InRange(v2, 40, 120);
        Assert.Equal(400, v1 + v2);
    }

    [Fact]
    public async Task ASignedInUser_SeesTheSameVersion_OnEveryRequestAndReplica()
    {
        await _traffic.SetWeightAsync(50);

        foreach (var user in new[] { "alice", "bob", "ana", "admin" })
        {
            var client = await system.GatewayAsAsync(user);
            var versions = new HashSet<string?>();
            var replicas = new HashSet<string>();
            for (var i = 0; i < 20; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, CanaryTraffic.CatalogPath);
                request.Headers.ConnectionClose = true;
                using var response = await client.SendAsync(request);
                versions.Add(CanaryTraffic.ServedBy(response));
                replicas.Add(response.Headers.GetValues("X-Gateway-Instance").Single());
            }

            Assert.Single(versions);
            Assert.Equal(2, replicas.Count);
        }
    }

    [Fact]
    public async Task AnAnonymousVisitor_KeepsTheirVersion_ThroughTheirCookie()
    {
        await _traffic.SetWeightAsync(50);

        using var first = await _traffic.Anonymous.GetAsync(CanaryTraffic.CatalogPath);
        var cookie = first.Headers.GetValues("Set-Cookie").Single(value => value.StartsWith(CanaryTraffic.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        var bucket = int.Parse(cookie.Split(';')[0].Split('=')[1], System.Globalization.CultureInfo.InvariantCulture);
        var expected = bucket < 50 ? "catalog-v2" : "catalog-v1";
        Assert.Equal(expected, CanaryTraffic.ServedBy(first));

        for (var i = 0; i < 20; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, CanaryTraffic.CatalogPath);
            request.Headers.Add("Cookie", cookie.Split(';')[0]);
            using var response = await _traffic.Anonymous.SendAsync(request);
            Assert.Equal(expected, CanaryTraffic.ServedBy(response));
            Assert.False(response.Headers.Contains("Set-Cookie"), "A visitor with a bucket was given another.");
        }
    }

    [Fact]
    public async Task TheDashboardCommands_ChangeTheWeightLive_OnEveryReplica()
    {
        var gateway = system.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == "gateway");
        var weight = new InteractionInput { Name = "canaryWeight", Label = "Canary weight (%)", InputType = InputType.Number, Value = "100" };

        var set = await system.App.ResourceCommands.ExecuteCommandAsync(gateway, "set-canary-weight", new InteractionInputCollection([weight]));
        Assert.True(set.Success, set.Message);
        Assert.True(await _traffic.EveryReplicaReportsAsync(100), "A replica still routes by the old weight.");
        Assert.Equal((0, 50), await _traffic.CountNewVisitorsAsync(50));

        var rollBack = await system.App.ResourceCommands.ExecuteCommandAsync(gateway, "roll-back-canary");
        Assert.True(rollBack.Success, rollBack.Message);
        Assert.True(await _traffic.EveryReplicaReportsAsync(0), "A replica still sends traffic to the canary.");
        Assert.Equal((50, 0), await _traffic.CountNewVisitorsAsync(50));
    }

    [Fact]
    public async Task AFailingCanary_IsRolledBackAutomatically_AndTheRollbackIsLogged()
    {
        await _traffic.SetWeightAsync(50);
        await _traffic.InjectIntoV2Async(delayMilliseconds: 0, errorRate: 1.0);
        try
        {
            // Every answer from v2 is now a 503; the gateway must stop sending it traffic on its own.
            Assert.True(await Polling.UntilAsync(async () =>
            {
                using var response = await _traffic.Anonymous.GetAsync(CanaryTraffic.CatalogPath);
                return await _traffic.CurrentWeightAsync() == 0;
            }, TimeSpan.FromSeconds(60)), "The failing canary was not rolled back.");

            Assert.True(await _traffic.EveryReplicaReportsAsync(0));
            Assert.Equal((50, 0), await _traffic.CountNewVisitorsAsync(50));
            var logged = await ResourceLogs.FindLineAsync(system.App, "gateway", "Canary of catalog rolled back", TimeSpan.FromSeconds(30));
            Assert.NotNull(logged);
        }
        finally
        {
            await _traffic.InjectIntoV2Async(delayMilliseconds: 0, errorRate: 0);
        }
    }

    public void Dispose() => _traffic.Dispose();
}
