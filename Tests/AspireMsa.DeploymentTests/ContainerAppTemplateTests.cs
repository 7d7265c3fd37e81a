namespace AspireMsa.DeploymentTests;

/// <summary>
/// The committed templates azd deploys (<c>AppHost/infra</c>) against the approved manifest: one per deployed resource,
/// and the adjustments the manifest cannot express (replicas, revision modes, probes, where PostgreSQL keeps data).
/// </summary>
public class ContainerAppTemplateTests
{
    public static TheoryData<string> Projects() => [.. AspireManifest.Snapshot()["resources"]!.AsObject()
        .Where(resource => resource.Value!["type"]!.GetValue<string>() == "project.v0").Select(resource => resource.Key)];

    [Fact]
    public void EveryDeployedManifestResource_HasItsTemplate_AndEveryTemplateItsResource()
    {
        Assert.Equal(AspireManifest.DeployedResources(AspireManifest.Snapshot()), ContainerAppTemplate.Names());
    }

    [Theory]
    [InlineData("gateway", 2)]
    [InlineData("inventory", 2)]
    [InlineData("storefront", 2)]
    [InlineData("identity", 1)]
    [InlineData("catalog-v1", 1)]
    [InlineData("catalog-v2", 1)]
    [InlineData("ordering", 1)]
    [InlineData("analytics", 1)]
    [InlineData("legacy-adapter", 1)]
    public void TheReplicasTheAppHostAsksFor_AreKeptInAzure(string service, int replicas)
    {
        // WithReplicas(2) in AppHost.cs does not reach the manifest: the template carries it.
        Assert.Equal(replicas, ContainerAppTemplate.Load(service).MinReplicas);
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("redis")]
    [InlineData("rabbitmq")]
    public void EachBackingService_RunsExactlyOneReplica(string container)
    {
        var template = ContainerAppTemplate.Load(container);

        Assert.Equal(1, template.MinReplicas);
        Assert.Equal(1, template.MaxReplicas);
    }

    [Fact]
    public void OnlyTheGatewayAndTheCatalog_RunSeveralRevisions_SoThePlatformCanSplitTheirTraffic()
    {
        var multiple = ContainerAppTemplate.Names().Where(name => ContainerAppTemplate.Load(name).ActiveRevisionsMode == "multiple");

        Assert.Equal(["catalog-v1", "catalog-v2", "gateway"], multiple);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void EveryService_IsProbedOnItsManagementPort_AliveForLiveness_HealthForReadiness(string service)
    {
        var managementPort = AspireManifest.Snapshot()["resources"]![service]!["bindings"]!["management"]!["targetPort"]!.GetValue<int>();
        var probes = ContainerAppTemplate.Load(service).Probes
            .ToDictionary(probe => probe["type"]!.GetValue<string>(), probe => probe["httpGet"]!);

        Assert.Equal(["Liveness", "Readiness", "Startup"], probes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("/alive", probes["Liveness"]["path"]!.GetValue<string>());
        Assert.Equal("/alive", probes["Startup"]["path"]!.GetValue<string>());
        Assert.Equal("/health", probes["Readiness"]["path"]!.GetValue<string>());
        Assert.All(probes.Values, probe => Assert.Equal(managementPort.ToString(System.Globalization.CultureInfo.InvariantCulture), probe["port"]!.GetValue<string>()));
    }

    [Fact]
    public void TheGatewaysProbes_AskForItsPublicHost_TheOnlyHostItAnswers()
    {
        var publicHost = new Uri(ContainerAppTemplate.Load("gateway").Environment["Gateway__PublicUrl"]!.Replace(" ", "", StringComparison.Ordinal)).Host;
        var probeHosts = ContainerAppTemplate.Load("gateway").Probes
            .Select(probe => probe["httpGet"]!["httpHeaders"]!.AsArray().Single(header => header!["name"]!.GetValue<string>() == "Host")!["value"]!.GetValue<string>());

        Assert.All(probeHosts, host => Assert.Equal(publicHost, host.Replace(" ", "", StringComparison.Ordinal), ignoreCase: true));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void EveryService_ServesTheManagementPort_InsideTheEnvironmentOnly(string service)
    {
        var mapping = Assert.Single(ContainerAppTemplate.Load(service).Configuration["ingress"]!["additionalPortMappings"]!.AsArray())!;

        Assert.Equal("8081", mapping["targetPort"]!.GetValue<string>());
        Assert.Equal("false", mapping["external"]!.GetValue<string>());
    }

    [Fact]
    public void OnlyTheGateway_IsReachableFromOutside()
    {
        var external = ContainerAppTemplate.Names().Where(name => ContainerAppTemplate.Load(name).Configuration["ingress"]!["external"]!.GetValue<string>() == "true");

        Assert.Equal(["gateway"], external);
    }

    [Fact]
    public void PostgreSql_KeepsItsDataOffAzureFiles()
    {
        // PostgreSQL on an SMB share fails (it cannot change ownership or lock files there): docs/operations.md.
        var template = ContainerAppTemplate.Load("postgres");
        var volume = Assert.Single(template.Template["volumes"]!.AsArray())!;

        Assert.Equal("EmptyDir", volume["storageType"]!.GetValue<string>());
        Assert.DoesNotContain("AzureFile", template.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("storageVolume", RepositoryFiles.Read("infra/resources.bicep"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void EveryService_RunsAsProduction_WithoutDemoUsersOrFaultInjection(string service)
    {
        var environment = ContainerAppTemplate.Load(service).Environment;

        Assert.Equal("Production", environment["ASPNETCORE_ENVIRONMENT"]);
        Assert.NotEqual("True", environment.GetValueOrDefault("DemoUsers__Enabled"), StringComparer.OrdinalIgnoreCase);
        Assert.NotEqual("True", environment.GetValueOrDefault("FaultInjection__Enabled"), StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void EveryService_GetsEveryVariableTheManifestGivesIt(string service)
    {
        var declared = AspireManifest.Snapshot()["resources"]![service]!["env"]!.AsObject().Select(variable => variable.Key);
        var template = ContainerAppTemplate.Load(service).Environment.Keys;

        Assert.Empty(declared.Except(template));
    }
}
