using System.Net.Http.Json;
using System.Text.Json;

namespace AspireMsa.IntegrationTests;

/// <summary>Drives and observes the gateway's canary release of the catalog.</summary>
public sealed class CanaryTraffic(SystemFixture system) : IDisposable
{
    public const string WeightsPath = "/api/gateway/admin/canary/catalog";
    public const string CatalogPath = "/api/catalog/products";
    public const string CookieName = "aspiremsa-canary-catalog";
    private const string GatewayInstanceHeader = "X-Gateway-Instance";

    // No cookie jar: every request is a new anonymous visitor unless a test sends a cookie itself. A connection per request,
    // because the orchestrator's proxy in front of the two gateway replicas picks a replica per connection.
    private readonly HttpClient _anonymous = new(new SocketsHttpHandler { UseCookies = false })
    {
        BaseAddress = system.Gateway.BaseAddress,
        DefaultRequestHeaders = { ConnectionClose = true },
    };

    public HttpClient Anonymous => _anonymous;

    public static string? ServedBy(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Served-By", out var values) ? values.Single() : null;

    /// <summary>Sets the weight through the admin API and waits until both gateway replicas route by it.</summary>
    public async Task SetWeightAsync(int canaryWeight)
    {
        var admin = await system.GatewayAsAsync("admin");
        var response = await admin.PutAsJsonAsync(WeightsPath, new { canaryWeight });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.True(await EveryReplicaReportsAsync(canaryWeight), $"Not every gateway replica reports the canary weight {canaryWeight}.");
    }

    /// <summary>Polls the admin API, which a replica answers from its own copy of the weights, until both replicas answered it.</summary>
    public async Task<bool> EveryReplicaReportsAsync(int canaryWeight)
    {
        var admin = await system.GatewayAsAsync("admin");
        var agreeing = new HashSet<string>();
        return await Polling.UntilAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, WeightsPath);
            request.Headers.ConnectionClose = true;
            using var response = await admin.SendAsync(request);
            var state = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            var instance = response.Headers.GetValues(GatewayInstanceHeader).Single();
            if (state.GetProperty("canaryWeight").GetInt32() == canaryWeight)
            {
                agreeing.Add(instance);
            }
            else
            {
                agreeing.Remove(instance);
            }

            return agreeing.Count == 2;
        }, TimeSpan.FromSeconds(30));
    }

    public async Task<int> CurrentWeightAsync()
    {
        var admin = await system.GatewayAsAsync("admin");
        var state = await admin.GetFromJsonAsync<JsonElement>(WeightsPath);
        return state.GetProperty("canaryWeight").GetInt32();
    }

    /// <summary>Sends anonymous requests with no cookie and counts which version answered.</summary>
    public async Task<(int V1, int V2)> CountNewVisitorsAsync(int requests)
    {
        var (v1, v2) = (0, 0);
        for (var i = 0; i < requests; i++)
        {
            using var response = await _anonymous.GetAsync(CatalogPath);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            switch (ServedBy(response))
            {
                case "catalog-v1": v1++; break;
                case "catalog-v2": v2++; break;
                default: Assert.Fail($"Unexpected X-Served-By '{ServedBy(response)}'."); break;
            }
        }

        return (v1, v2);
    }

    /// <summary>Makes catalog-v2 (pinned by header) slow or failing, or well again with <see cref="InjectedFault"/> of zeros.</summary>
    public async Task InjectIntoV2Async(int delayMilliseconds, double errorRate)
    {
        var admin = await system.GatewayAsAsync("admin");
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/catalog/admin/faults")
        {
            Content = JsonContent.Create(new { delayMilliseconds, errorRate }),
        };
        request.Headers.Add("X-Canary", "v2");
        using var response = await admin.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal("catalog-v2", ServedBy(response));
    }

    public void Dispose() => _anonymous.Dispose();
}
