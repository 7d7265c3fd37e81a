using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.Versioning;
using System.Text.Json;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// What a running system shows to the network and to other local users: servers only on loopback, metrics and health
/// details only on the management endpoint, only the gateway's own host names answered, data folders and secrets closed.
/// Linux only: it reads /proc, as the local backing services run only there.
/// </summary>
[SupportedOSPlatform("linux")]
[Collection(SystemCollection.Name)]
public class ExposureTests(SystemFixture system)
{
    private static readonly string[] LocalServers = ["postgres", "redis-server", "beam.smp", "epmd", "prometheus", "prometheus-aler"];

    private static readonly string[] ServerFolders = ["postgres", "redis", "rabbitmq", "prometheus", "alertmanager"];

    [Fact]
    public async Task EveryListeningSocketOfTheSystem_IsOnLoopback()
    {
        await WaitForMonitoringAsync();

        var sockets = ListeningSockets.Of(SystemProcesses.Snapshot().All);

        // The check sees every server, so an empty answer cannot pass it.
        Assert.All(LocalServers, server => Assert.Contains(sockets, socket => socket.Process.Name == server));
        var exposed = sockets.Where(socket => !socket.IsLoopback).ToList();
        Assert.True(exposed.Count == 0, $"Listening beyond loopback: {string.Join(", ", exposed)}");
    }

    [Fact]
    public async Task EachServersDataFolder_IsOwnedByTheServersUser_AndClosedToEveryoneElse()
    {
        await WaitForMonitoringAsync();
        var processes = SystemProcesses.Snapshot().All;

        foreach (var name in ServerFolders)
        {
            var folder = Path.Combine(system.RunDirectory, name);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            var server = processes.FirstOrDefault(p => p.WorkingDirectory.StartsWith(folder, StringComparison.Ordinal) && LocalServers.Contains(p.Name));
            Assert.True(server is not null, $"No server runs in {folder}: {string.Join(", ", processes)}");
            Assert.True(server.Uid == await OwnerAsync(folder), $"{folder} is not owned by the user {server} runs as ({server.Uid}).");
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(Path.Combine(system.RunDirectory, "postgres", "data")));
    }

    [Theory]
    [InlineData("redis", "redis.conf")]
    [InlineData("alertmanager", "alertmanager.yml")]
    public async Task AFileHoldingASecret_IsReadableByItsOwnerOnly(string server, string file)
    {
        await WaitForMonitoringAsync();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(system.RunDirectory, server, file)));
    }

    [Fact]
    public async Task NoProcessCommandLine_HoldsTheRedisPassword()
    {
        var connectionString = await system.App.GetConnectionStringAsync("redis") ?? string.Empty;
        var password = connectionString.Split(',').Single(part => part.StartsWith("password=", StringComparison.Ordinal))["password=".Length..];
        Assert.True(password.Length >= 8, "The Redis password is too short to search for.");

        var processes = SystemProcesses.Snapshot().All;
        Assert.Contains(processes, process => process.Name == "redis-server");
        var leaking = processes.Where(process => process.CommandLine.Contains(password, StringComparison.Ordinal)).ToList();
        Assert.True(leaking.Count == 0, $"The Redis password is on the command line of {string.Join(", ", leaking)}.");
    }

    [Theory]
    [InlineData("gateway")]
    [InlineData("catalog-v1")]
    [InlineData("identity")]
    public async Task ThePublicEndpoint_ServesNoMetrics_AndOnlyTheOverallHealth(string resource)
    {
        using var publicEndpoint = system.App.CreateHttpClient(resource, "http");

        // Not found, or refused by the gateway's default deny: either way, no metrics.
        using var metrics = await publicEndpoint.GetAsync("/metrics");
        Assert.Contains(metrics.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Unauthorized });
        Assert.DoesNotContain("# TYPE", await metrics.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var health = await publicEndpoint.GetAsync("/health");
        var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["status"], report.EnumerateObject().Select(property => property.Name));
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("gateway")]
    [InlineData("catalog-v1")]
    [InlineData("identity")]
    public async Task TheManagementEndpoint_ServesMetricsAndDetailedHealth_AndNothingElse(string resource)
    {
        using var management = system.App.CreateHttpClient(resource, "management");

        using var metrics = await management.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("# TYPE", await metrics.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var health = await management.GetAsync("/health");
        var checks = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        Assert.Contains("self", checks.EnumerateObject().Select(check => check.Name));

        using var api = await management.GetAsync("/api/catalog/products");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
    }

    [Fact]
    public async Task AHostHeaderNamingTheManagementPort_GetsNoDetailOnThePublicPort()
    {
        var managementPort = system.App.GetEndpoint("gateway", "management").Port;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Host = $"localhost:{managementPort.ToString(CultureInfo.InvariantCulture)}";

        using var health = await system.Gateway.SendAsync(request);

        var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
        Assert.False(report.TryGetProperty("checks", out _), "The public port answered the detailed health report.");
    }

    [Fact]
    public async Task AnUnknownHostHeader_IsRefusedAtTheGateway()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalog/products");
        request.Headers.Host = "attacker.example";

        using var response = await system.Gateway.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ThePortalsServerAndTokenUrls_AreThePublicUrl_WhateverHostTheRequestNamed()
    {
        var publicUrl = system.Gateway.BaseAddress!.GetLeftPart(UriPartial.Authority);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/catalog.json");
        // An allowed host that is not the public one: the document must still name the public URL.
        request.Headers.Host = $"127.0.0.1:{system.Gateway.BaseAddress.Port.ToString(CultureInfo.InvariantCulture)}";
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await system.Gateway.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(publicUrl, document.GetProperty("servers")[0].GetProperty("url").GetString());
        var flows = document.GetProperty("components").GetProperty("securitySchemes").EnumerateObject().Single().Value.GetProperty("flows");
        Assert.Equal($"{publicUrl}/connect/token", flows.GetProperty("password").GetProperty("tokenUrl").GetString());
    }

    /// <summary>The fixture waits for the services; Prometheus and Alertmanager start beside them.</summary>
    private async Task WaitForMonitoringAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await system.App.ResourceNotifications.WaitForResourceHealthyAsync("prometheus", cts.Token);
        await system.App.ResourceNotifications.WaitForResourceHealthyAsync("alertmanager", cts.Token);
    }

    /// <summary>.NET has no API for a file's owner; coreutils' stat has.</summary>
    private static async Task<int> OwnerAsync(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["--format=%u", path]) { RedirectStandardOutput = true })!;
        var output = await stat.StandardOutput.ReadToEndAsync();
        await stat.WaitForExitAsync();
        return int.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }
}
