using System.Reflection;
using System.Xml.Linq;
using AspireMsa.Analytics.Api.Infrastructure;
using AspireMsa.Catalog.Api.Infrastructure;
using AspireMsa.Contracts;
using AspireMsa.EventBus;
using AspireMsa.Gateway.Canary;
using AspireMsa.Identity.Api.Infrastructure;
using AspireMsa.Inventory.Api.Infrastructure;
using AspireMsa.LegacyAdapter.Api.Infrastructure;
using AspireMsa.Ordering.Api.Infrastructure;
using AspireMsa.ServiceDefaults.Health;
using NetArchTest.Rules;

namespace AspireMsa.UnitTests;

/// <summary>
/// The architecture rules of the brief, checked on the projects and on the compiled assemblies: services stay autonomous,
/// the gateway knows services only by name, ServiceDefaults stays infrastructure, and each database has one owner.
/// </summary>
public class ArchitectureTests
{
    private static readonly Assembly ServiceDefaults = typeof(HealthEndpoints).Assembly;
    private static readonly Assembly Contracts = typeof(IntegrationEvent).Assembly;
    private static readonly Assembly EventBus = typeof(EventBusTelemetry).Assembly;
    private static readonly Assembly Gateway = typeof(CanaryChoice).Assembly;
    private static readonly Assembly Storefront = typeof(AspireMsa.Storefront.Cart.ShoppingCart).Assembly;

    /// <summary>Each service's assembly, its root namespace, and the DbContext of its one database.</summary>
    private static readonly (Assembly Assembly, string Namespace, Type DbContext)[] Services =
    [
        (typeof(IdentityDbContext).Assembly, "AspireMsa.Identity.Api", typeof(IdentityDbContext)),
        (typeof(CatalogDbContext).Assembly, "AspireMsa.Catalog.Api", typeof(CatalogDbContext)),
        (typeof(OrderingDbContext).Assembly, "AspireMsa.Ordering.Api", typeof(OrderingDbContext)),
        (typeof(InventoryDbContext).Assembly, "AspireMsa.Inventory.Api", typeof(InventoryDbContext)),
        (typeof(AnalyticsDbContext).Assembly, "AspireMsa.Analytics.Api", typeof(AnalyticsDbContext)),
        (typeof(LegacyDbContext).Assembly, "AspireMsa.LegacyAdapter.Api", typeof(LegacyDbContext)),
    ];

    private static readonly string[] SharedProjects = ["ServiceDefaults.csproj", "Shared.Contracts.csproj", "Shared.EventBus.csproj"];

    [Fact]
    public void NoServiceProject_ReferencesAnotherService()
    {
        var serviceProjects = Directory.GetFiles(Path.Combine(RepositoryRoot, "Services"), "*.Api.csproj", SearchOption.AllDirectories);
        Assert.NotEmpty(serviceProjects);
        foreach (var project in serviceProjects)
        {
            Assert.All(ProjectReferences(project), reference => Assert.Contains(reference, SharedProjects));
        }

        foreach (var service in Services)
        {
            var others = Services.Where(other => other.Namespace != service.Namespace).Select(other => other.Namespace).ToArray();
            AssertNoDependency(service.Assembly, others);
        }
    }

    [Fact]
    public void TheGateway_ReferencesNoService()
    {
        Assert.Equal(["ServiceDefaults.csproj"], ProjectReferences(Path.Combine(RepositoryRoot, "Gateway", "Gateway.csproj")));
        AssertNoDependency(Gateway, [.. Services.Select(service => service.Namespace), "AspireMsa.Contracts", "AspireMsa.EventBus"]);
    }

    /// <summary>The web front end knows the services only through the gateway's routes, and their events' contracts.</summary>
    [Fact]
    public void TheStorefront_ReferencesNoServiceAndNoEventBus()
    {
        Assert.Equal(
            ["ServiceDefaults.csproj", "Shared.Contracts.csproj"],
            ProjectReferences(Path.Combine(RepositoryRoot, "Web", "Storefront", "Storefront.csproj")).Order(StringComparer.Ordinal));
        AssertNoDependency(Storefront, [.. Services.Select(service => service.Namespace), "AspireMsa.EventBus", "AspireMsa.Gateway"]);
    }

    [Fact]
    public void ServiceDefaults_ReferencesNoContractsOrEventBusCode()
    {
        Assert.Empty(ProjectReferences(Path.Combine(RepositoryRoot, "ServiceDefaults", "ServiceDefaults.csproj")));
        AssertNoDependency(ServiceDefaults, ["AspireMsa.Contracts", "AspireMsa.EventBus", .. Services.Select(service => service.Namespace)]);
        Assert.DoesNotContain(ServiceDefaults.GetReferencedAssemblies(), name => name.Name == Contracts.GetName().Name || name.Name == EventBus.GetName().Name);
    }

    [Fact]
    public void EachDbContext_IsUsedOnlyInsideItsOwnService()
    {
        foreach (var service in Services)
        {
            // The checker must see a use where there is one, or every rule here would pass blindly.
            Assert.NotEmpty(Types.InAssembly(service.Assembly).That().HaveDependencyOn(service.DbContext.FullName!).GetTypes());

            var elsewhere = Services.Where(other => other.Assembly != service.Assembly).Select(other => other.Assembly)
                .Concat([Gateway, ServiceDefaults, Contracts, EventBus]);
            foreach (var assembly in elsewhere)
            {
                AssertNoDependency(assembly, [service.DbContext.FullName!]);
            }
        }
    }

    private static void AssertNoDependency(Assembly assembly, string[] forbidden)
    {
        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(
            result.IsSuccessful,
            $"{assembly.GetName().Name} depends on {string.Join(", ", forbidden)}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    private static List<string> ProjectReferences(string project) =>
        [.. XDocument.Load(project).Descendants("ProjectReference").Select(reference => Path.GetFileName(reference.Attribute("Include")!.Value))];

    private static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AspireMsa.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("AspireMsa.sln not found above the test's directory.");
        }
    }
}
