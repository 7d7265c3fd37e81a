using AspireMsa.Gateway.Canary;
using AspireMsa.Gateway.Downstream;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Configuration;

namespace AspireMsa.UnitTests;

/// <summary>The gateway knows each service once: from the registry the AppHost writes, it derives clusters, canary versions and audiences.</summary>
public class DownstreamRegistryTests
{
    /// <summary>What the AppHost's <c>WithDownstream</c> calls write, as the gateway reads them.</summary>
    private static readonly Dictionary<string, string?> AppHostRegistry = new()
    {
        ["Downstream:Services:identity:Api"] = "identity",
        ["Downstream:Services:identity:OpenApiPath"] = "/openapi/v1.json",
        ["Downstream:Services:catalog-v1:Api"] = "catalog",
        ["Downstream:Services:catalog-v1:Version"] = "v1",
        ["Downstream:Services:catalog-v1:Audience"] = "catalog",
        ["Downstream:Services:catalog-v1:OpenApiPath"] = "/openapi/v1.json",
        ["Downstream:Services:catalog-v2:Api"] = "catalog",
        ["Downstream:Services:catalog-v2:Version"] = "v2",
        ["Downstream:Services:catalog-v2:Audience"] = "catalog",
        ["Downstream:Services:catalog-v2:OpenApiPath"] = "/openapi/v1.json",
        ["Downstream:Services:ordering:Api"] = "ordering",
        ["Downstream:Services:ordering:Audience"] = "ordering",
        ["Downstream:Services:ordering:OpenApiPath"] = "/openapi/v1.json",
        ["Downstream:Services:inventory:Api"] = "inventory",
        ["Downstream:Services:inventory:Audience"] = "inventory",
        ["Downstream:Services:inventory:OpenApiPath"] = "/openapi/v1.json",
        ["Downstream:Services:analytics:Api"] = "analytics",
        ["Downstream:Services:analytics:Audience"] = "analytics",
        ["Downstream:Services:analytics:OpenApiPath"] = "/openapi/v1.json",
        ["Downstream:Services:storefront:Api"] = "storefront",
        ["Downstream:Services:legacy-adapter:Api"] = "legacy",
        ["Downstream:Services:legacy-adapter:OpenApiPath"] = "/openapi/v1.json",
        ["Downstream:Clusters:PerTryTimeouts:catalog"] = "00:00:05",
        ["Canary:Releases:catalog:StableVersion"] = "v1",
        ["Canary:Releases:catalog:CanaryVersion"] = "v2",
    };

    [Fact]
    public void TheRegistry_BindsEveryServiceTheAppHostWrites_WithItsApiVersionAudienceAndDocument()
    {
        using var app = Build(AppHostRegistry);
        var registry = app.Services.GetRequiredService<IOptions<DownstreamOptions>>().Value;

        Assert.Equal(["analytics", "catalog-v1", "catalog-v2", "identity", "inventory", "legacy-adapter", "ordering", "storefront"], registry.Services.Keys.Order(StringComparer.Ordinal));
        var canary = registry.Services["catalog-v2"];
        Assert.Equal(("catalog", "v2", "catalog", "/openapi/v1.json"), (canary.Api, canary.Version, canary.Audience, canary.OpenApiPath));
        Assert.Null(registry.Services["identity"].Audience);
        Assert.Equal(["analytics", "catalog", "identity", "inventory", "legacy", "ordering", "storefront"], registry.Apis().Order(StringComparer.Ordinal));
        // A web front end has no OpenAPI document: the API portal leaves it out.
        Assert.Equal(["analytics", "catalog", "identity", "inventory", "legacy", "ordering"], registry.DocumentedApis().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheAcceptedAudiences_AreTheServicesAudiences_OnceEach()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(AppHostRegistry).Build();

        Assert.Equal(["analytics", "catalog", "inventory", "ordering"], configuration.DownstreamAudiences().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EachService_GetsOneHealthCheckedCluster_NamedAndAddressedByItsDiscoveryName()
    {
        using var app = Build(AppHostRegistry);

        var clusters = DownstreamClusters.From(app.Services.GetRequiredService<IOptions<DownstreamOptions>>().Value).ToDictionary(c => c.ClusterId);

        Assert.Equal(["analytics", "catalog-v1", "catalog-v2", "identity", "inventory", "legacy-adapter", "ordering", "storefront"], clusters.Keys.Order(StringComparer.Ordinal));
        var catalogV2 = clusters["catalog-v2"];
        Assert.Equal("http://catalog-v2", Assert.Single(catalogV2.Destinations!).Value.Address);
        Assert.Equal(("/health", true, true), (catalogV2.HealthCheck!.Active!.Path, catalogV2.HealthCheck.Active.Enabled, catalogV2.HealthCheck.Passive!.Enabled));
        // Only the catalog's tries are cut short, so a retry can still move a read to the other version in time.
        Assert.Equal(TimeSpan.FromSeconds(5), catalogV2.HttpRequest?.ActivityTimeout);
        Assert.Null(clusters["ordering"].HttpRequest);
    }

    [Fact]
    public void TheCanaryReleasesVersions_AreTheRegistrysServicesForThoseVersions()
    {
        using var app = Build(AppHostRegistry);

        var catalog = app.Services.GetRequiredService<IOptions<CanaryOptions>>().Value.Releases["catalog"];

        Assert.Equal(("catalog-v1", "catalog-v2"), (catalog.StableCluster, catalog.CanaryCluster));
    }

    [Fact]
    public async Task EveryRouteInTheGatewaysSettings_ReachesARegisteredService_TheCatalogsStableVersionByDefault()
    {
        using var app = Build(AppHostRegistry);
        var filter = new DownstreamRouteFilter(app.Services.GetRequiredService<DownstreamRegistry>());
        var clusters = DownstreamClusters.From(app.Services.GetRequiredService<IOptions<DownstreamOptions>>().Value).ToDictionary(c => c.ClusterId);
        var settings = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepositoryRoot(), "Gateway", "appsettings.json")).Build();

        var routes = settings.GetSection("ReverseProxy:Routes").GetChildren().ToList();
        Assert.NotEmpty(routes);
        foreach (var route in routes)
        {
            var clusterId = route["ClusterId"]!;
            var filtered = await filter.ConfigureRouteAsync(new RouteConfig { RouteId = route.Key, ClusterId = clusterId }, clusters.GetValueOrDefault(clusterId), default);
            Assert.True(clusters.ContainsKey(filtered.ClusterId!), $"Route {route.Key} names '{clusterId}', which reaches no registered service.");
        }

        Assert.DoesNotContain(routes, route => route["ClusterId"]!.Contains("-v", StringComparison.Ordinal));
        Assert.Equal("catalog-v1", app.Services.GetRequiredService<DownstreamRegistry>().ServiceFor("catalog"));
    }

    [Fact]
    public async Task ARouteOfACapabilityThatIsNotDeployed_KeepsItsMissingCluster_WhichYarpAnswers503()
    {
        var withoutStorefront = AppHostRegistry.Where(entry => !entry.Key.Contains(":storefront:", StringComparison.Ordinal)).ToDictionary();
        using var app = Build(withoutStorefront);
        var filter = new DownstreamRouteFilter(app.Services.GetRequiredService<DownstreamRegistry>());

        var route = await filter.ConfigureRouteAsync(
            new RouteConfig { RouteId = "storefront", ClusterId = "storefront", AuthorizationPolicy = "customer" }, null, default);

        // The configuration still loads; the route finds no cluster, and YARP answers its requests 503, to anyone: a policy
        // would answer 401 or 403 first and hide that the capability is not there.
        Assert.Equal("storefront", route.ClusterId);
        Assert.Equal(DownstreamRouteFilter.OpenToAnyone, route.AuthorizationPolicy);
        Assert.Null(app.Services.GetRequiredService<DownstreamRegistry>().DeployedServiceFor("storefront"));
        Assert.Throws<InvalidOperationException>(() => app.Services.GetRequiredService<DownstreamRegistry>().ServiceFor("storefront"));
    }

    [Fact]
    public void AnEmptyRegistry_StopsTheGatewayAtStart_NamingTheSection()
    {
        using var app = Build(new Dictionary<string, string?>());

        // What the host runs first on start (ValidateOnStart), before any service reaches for Redis; it gathers every failure.
        var error = Assert.ThrowsAny<Exception>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Downstream:Services", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Downstream:Services:catalog-v2:Version", "v1")]
    [InlineData("Downstream:Services:catalog-v2:OpenApiPath", "openapi.json")]
    [InlineData("Downstream:Services:catalog-v2:Api", "Catalog API")]
    public void ARegistryWithTwoVersionsOfOneNameOrAMalformedEntry_IsRefused(string key, string value)
    {
        using var app = Build(new Dictionary<string, string?>(AppHostRegistry) { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<DownstreamOptions>>().Value);

        Assert.Contains("Downstream:Services", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnApiWithSeveralServicesButNoCanaryRelease_IsRefused_ForNoneWouldBeTheDefault()
    {
        var withoutRelease = AppHostRegistry.Where(setting => !setting.Key.StartsWith("Canary:", StringComparison.Ordinal))
            .ToDictionary(setting => setting.Key, setting => setting.Value);
        using var app = Build(withoutRelease);

        var error = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Canary:Releases", error.Message, StringComparison.Ordinal);
    }

    private static WebApplication Build(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCanaryReleases();
        builder.AddDownstreamServices();
        return builder.Build();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AspireMsa.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No AspireMsa.sln above {AppContext.BaseDirectory}.");
    }
}
