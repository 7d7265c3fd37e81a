using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// Fast detection, end to end through real components: Prometheus scrapes every replica's <c>/metrics</c>, evaluates the
/// repository's rules, Alertmanager posts to the gateway's webhook, and admins read the alerts at <c>GET /api/alerts</c>.
/// </summary>
[Collection(FaultCollection.Name)]
public class AlertingTests(FaultSystemFixture system, ITestOutputHelper output)
{
    private static readonly TimeSpan FireDeadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ResolveDeadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task StoppingOrdering_FiresServiceDownWithinAMinute_AndStartingItAgainResolvesIt()
    {
        var admin = await system.GatewayAsAsync("admin");
        await system.App.ResourceNotifications.WaitForResourceHealthyAsync("alertmanager");
        await system.App.ResourceNotifications.WaitForResourceHealthyAsync("prometheus");
        // Prometheus must have scraped Ordering before the stop, or its silence would prove nothing.
        Assert.True(await Polling.UntilAsync(async () => await PrometheusValueAsync("""up{job="ordering"}""") == 1, TimeSpan.FromSeconds(60)),
            "Prometheus never scraped Ordering.");

        var watch = Stopwatch.StartNew();
        await OperatorCommands.StopAsync(system.App, "ordering", output);
        AlertDto? fired = null;
        var didFire = await Polling.UntilAsync(async () =>
        {
            fired = (await AlertsAsync(admin, "firing")).FirstOrDefault(IsOrderingDown);
            return fired is not null;
        }, FireDeadline - watch.Elapsed);
        Assert.True(didFire, "ServiceDown for ordering did not reach GET /api/alerts within 60 s of the stop.");
        output.WriteLine($"ServiceDown fired {watch.Elapsed.TotalSeconds:0.0} s after the stop: {fired!.Summary}");
        Assert.Equal("critical", fired.Severity);

        watch.Restart();
        await OperatorCommands.StartAgainAsync(system.App, "ordering", output);
        var resolved = await Polling.UntilAsync(async () =>
            (await AlertsAsync(admin)).Any(alert => alert.Fingerprint == fired.Fingerprint && alert.Status == "resolved"), ResolveDeadline);
        Assert.True(resolved, "ServiceDown for ordering was not resolved after Ordering started again.");
        output.WriteLine($"ServiceDown resolved {watch.Elapsed.TotalSeconds:0.0} s after the start command.");
    }

    [Fact]
    public async Task TheAlertList_IsForAdminsOnly()
    {
        var customer = await system.GatewayAsAsync("alice");

        await Problems.AssertAsync(await system.Gateway.GetAsync("/api/alerts"), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync("/api/alerts")).StatusCode);
    }

    [Fact]
    public async Task TheWebhook_RefusesAnyoneWithoutAlertmanagersSecret_EvenAnAdmin()
    {
        var admin = await system.GatewayAsAsync("admin");
        var fingerprint = $"forged-{Guid.NewGuid():N}";

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostForgedAlertAsync(system.Gateway, fingerprint, bearer: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostForgedAlertAsync(system.Gateway, fingerprint, bearer: "not-the-secret")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostForgedAlertAsync(admin, fingerprint, bearer: null)).StatusCode);
        Assert.DoesNotContain(await AlertsAsync(admin), alert => alert.Fingerprint == fingerprint);
    }

    [Fact]
    public async Task TheWebhookSecret_NeverAppearsInTheLogs()
    {
        var admin = await system.GatewayAsAsync("admin");
        var secret = await ParameterValueAsync("alert-webhook-secret");
        var fingerprint = $"test-{Guid.NewGuid():N}";

        // Delivered the way Alertmanager delivers, so the request log has an entry with the secret's header to redact.
        Assert.Equal(HttpStatusCode.NoContent, (await PostForgedAlertAsync(system.Gateway, fingerprint, bearer: secret)).StatusCode);
        Assert.Contains(await AlertsAsync(admin), alert => alert.Fingerprint == fingerprint);

        Assert.NotNull(await ResourceLogs.FindLineAsync(system.App, "gateway", fingerprint, TimeSpan.FromSeconds(30)));
        foreach (var resource in new[] { "gateway", "alertmanager", "prometheus" })
        {
            Assert.Null(await ResourceLogs.FindLineAsync(system.App, resource, secret, TimeSpan.FromSeconds(2)));
        }
    }

    private static bool IsOrderingDown(AlertDto alert) => alert.Name == "ServiceDown" && alert.Labels.GetValueOrDefault("job") == "ordering";

    private static async Task<AlertDto[]> AlertsAsync(HttpClient admin, string? status = null)
    {
        using var response = await admin.GetAsync(status is null ? "/api/alerts" : $"/api/alerts?status={status}");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<AlertDto[]>())!;
    }

    private static async Task<HttpResponseMessage> PostForgedAlertAsync(HttpClient client, string fingerprint, string? bearer)
    {
        var body = JsonSerializer.Serialize(new
        {
            version = "4",
            status = "firing",
            receiver = "gateway",
            alerts = new[]
            {
                new
                {
                    status = "firing",
                    labels = new Dictionary<string, string> { ["alertname"] = "TestAlert", ["severity"] = "info" },
                    annotations = new Dictionary<string, string> { ["summary"] = $"posted by a test ({fingerprint})" },
                    startsAt = DateTimeOffset.UtcNow,
                    endsAt = DateTimeOffset.MinValue,
                    fingerprint,
                },
            },
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/alerts/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The value of an instant query's only series, or null when it returns none.</summary>
    private async Task<double?> PrometheusValueAsync(string query)
    {
        using var prometheus = system.App.CreateHttpClient("prometheus", "http");
        using var response = await prometheus.GetAsync($"/api/v1/query?query={Uri.EscapeDataString(query)}");
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var result = document.RootElement.GetProperty("data").GetProperty("result");
        return result.GetArrayLength() == 1
            ? double.Parse(result[0].GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    private async Task<string> ParameterValueAsync(string name)
    {
        var parameter = system.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ParameterResource>().Single(p => p.Name == name);
        return (await parameter.GetValueAsync(default))!;
    }
}
