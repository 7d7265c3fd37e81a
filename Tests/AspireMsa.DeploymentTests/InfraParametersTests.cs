using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AspireMsa.DeploymentTests;

/// <summary>azd asks for, or generates, every parameter the AppHost declares, and keeps secret ones secret.</summary>
public partial class InfraParametersTests
{
    private static readonly string MainBicep = RepositoryFiles.Read("infra/main.bicep");

    private static readonly JsonNode MainParameters = JsonNode.Parse(RepositoryFiles.Read("infra/main.parameters.json"))!["parameters"]!;

    // The manifest's secret parameters: each one a @secure() parameter of main.bicep that azd generates and maps.
    public static TheoryData<string> SecretParameters() => [.. AspireManifest.Snapshot()["resources"]!.AsObject()
        .Where(resource => resource.Value!["type"]!.GetValue<string>() == "parameter.v0"
            && resource.Value["inputs"]!["value"]!["secret"]?.GetValue<bool>() == true)
        .Select(resource => resource.Key)];

    [Theory]
    [MemberData(nameof(SecretParameters))]
    public void EverySecretParameter_IsGeneratedByAzd_AsASecureParameter(string parameter)
    {
        var bicepName = parameter.Replace('-', '_');

        Assert.Matches(new Regex($@"type: 'generate'[^@]*\}}\)\s*@secure\(\)\s*(#disable-next-line no-unused-params\s*)?param {bicepName} string\n"), MainBicep);
        Assert.Equal($"${{AZURE_{bicepName.ToUpperInvariant()}}}", MainParameters[bicepName]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void TheGatewaysNetwork_IsTheEnvironmentsSubnet_SoNobodyHasToTypeIt()
    {
        var identity = ContainerAppTemplate.Load("identity").Environment;

        Assert.Equal("⟦ .Env.AZURE_CONTAINER_APPS_INFRASTRUCTURE_SUBNET_PREFIX ⟧", identity["ForwardedHeaders__KnownNetworks"]);
        Assert.Contains("output AZURE_CONTAINER_APPS_INFRASTRUCTURE_SUBNET_PREFIX string", MainBicep, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gateway", "Gateway__PublicUrl")]
    [InlineData("identity", "Tokens__Issuer")]
    [InlineData("ordering", "Identity__Issuer")]
    public void ThePublicUrlAndTheTokenIssuer_AreTheGatewaysHttpsAddress(string service, string variable)
    {
        // Container Apps terminates TLS at the ingress: clients see https, which the manifest's http binding cannot say.
        Assert.Equal("https://gateway.⟦ .Env.AZURE_CONTAINER_APPS_ENVIRONMENT_DEFAULT_DOMAIN ⟧", ContainerAppTemplate.Load(service).Environment[variable]);
    }
}
