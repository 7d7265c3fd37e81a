using Microsoft.Extensions.DependencyInjection;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// The legacy interface and analytics are optional: a system started without them serves its APIs, says so at their
/// routes, and its capability hub does not list them.
/// </summary>
[Collection(FaultCollection.Name)]
public class LegacyCapabilityOffTests(FaultSystemFixture system)
{
    [Fact]
    public async Task WithTheLegacyCapabilitySwitchedOff_TheLegacyRoutes_AnswerProblemDetailsSayingItIsNotDeployed()
    {
        var resources = system.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Select(resource => resource.Name).ToList();
        Assert.DoesNotContain("legacy-adapter", resources);
        Assert.DoesNotContain("legacydb", resources);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/legacy/products");
        request.Headers.Add("X-Api-Key", SystemFixture.LegacyApiKey);
        var problem = await Problems.AssertAsync(await system.Gateway.SendAsync(request), HttpStatusCode.ServiceUnavailable);

        Assert.Equal("Capability not deployed", problem.GetProperty("title").GetString());
        Assert.Contains("'legacy' capability", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await system.Gateway.GetAsync("/api/catalog/products")).StatusCode);
    }

    [Fact]
    public async Task WithAnalyticsSwitchedOff_ItsRoutes_AnswerProblemDetailsSayingItIsNotDeployed()
    {
        Assert.DoesNotContain("analytics", system.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Select(resource => resource.Name));
        var admin = await system.GatewayAsAsync(DemoUserTokens.Admin);

        var problem = await Problems.AssertAsync(await admin.GetAsync("/api/analytics/reports/sales-daily"), HttpStatusCode.ServiceUnavailable);

        Assert.Equal("Capability not deployed", problem.GetProperty("title").GetString());
        Assert.Contains("'analytics' capability", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/catalog/products")).StatusCode);
    }

    [Fact]
    public async Task WithTheLegacyAndAnalyticsCapabilitiesSwitchedOff_TheHubListsNeither()
    {
        var capabilities = await HubCapabilities.ReadAsync(system);

        Assert.DoesNotContain("legacy-adapter", capabilities.Keys);
        Assert.DoesNotContain("analytics", capabilities.Keys);
        Assert.Contains("ordering", capabilities.Keys);
        var admin = await system.GatewayAsAsync(DemoUserTokens.Admin);
        await Problems.AssertAsync(await admin.GetAsync("/api/hub/capabilities/legacy-adapter"), HttpStatusCode.NotFound);
    }
}
