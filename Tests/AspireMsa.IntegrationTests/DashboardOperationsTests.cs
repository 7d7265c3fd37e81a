namespace AspireMsa.IntegrationTests;

/// <summary>What an operator finds on the dashboard: a health sweep on the gateway, and links to each API and its docs.</summary>
[Collection(SystemCollection.Name)]
public class DashboardOperationsTests(SystemFixture system)
{
    private static readonly string[] Services = ["analytics", "catalog-v1", "catalog-v2", "gateway", "identity", "inventory", "legacy-adapter", "ordering", "storefront"];

    [Fact]
    public async Task TheHealthSweep_ReportsEveryServiceHealthy_InOneTable()
    {
        // The dashboard runs a command on the replica it is clicked on.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var oneReplica = (await ResourceInstances.IdsAsync(system.App, "gateway", cts.Token)).First();

        var sweep = await system.App.ResourceCommands.ExecuteCommandAsync(oneReplica, "health-sweep", cts.Token);

        Assert.True(sweep.Success, sweep.Message);
        Assert.Equal($"All {Services.Length} services are healthy.", sweep.Message);
        var table = sweep.Data?.Value ?? string.Empty;
        Assert.All(Services, service => Assert.Contains($"| {service} | Healthy |", table, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("catalog-v1", "/docs/catalog", "catalog-read-model.md")]
    [InlineData("ordering", "/docs/ordering", "messaging.md")]
    public async Task AService_LinksToItsApiReferenceInThePortal_AndToItsDocs(string service, string apiReferencePath, string docsPage)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var state = await system.App.ResourceNotifications.WaitForResourceAsync(
            service, resourceEvent => resourceEvent.Snapshot.Urls.Any(url => url.Url.EndsWith(apiReferencePath, StringComparison.Ordinal)), cts.Token);

        var apiReference = state.Snapshot.Urls.Single(url => url.Url.EndsWith(apiReferencePath, StringComparison.Ordinal));
        using var portal = await system.Gateway.GetAsync(new Uri(apiReference.Url).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, portal.StatusCode);

        var docs = state.Snapshot.Urls.Single(url => url.Url.StartsWith("file://", StringComparison.Ordinal));
        Assert.EndsWith($"/docs/{docsPage}", docs.Url, StringComparison.Ordinal);
        Assert.True(File.Exists(new Uri(docs.Url).LocalPath), $"{docs.Url} does not exist.");
    }
}
