using System.Text.Json;
using Json.Schema;

namespace AspireMsa.DeploymentTests;

public class AzureYamlTests
{
    // Built once: the schema registers itself under its $id.
    private static readonly JsonSchema AzdSchema = JsonSchema.FromText(RepositoryFiles.Read("eng/deploy/schemas/azure.yaml.json"));

    [Fact]
    public void AzureYaml_ValidatesAgainstAzdsSchema()
    {
        var azureYaml = YamlDocument.Parse(RepositoryFiles.Read("azure.yaml"));

        var result = AzdSchema.Evaluate(JsonSerializer.SerializeToElement(azureYaml), new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? [])
            .Where(detail => detail.Errors is not null)
            .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Value}"))));
    }

    [Fact]
    public void TheVendoredSchema_RejectsAnInvalidApplicationName()
    {
        var wrong = YamlDocument.Parse(RepositoryFiles.Read("azure.yaml").Replace("name: aspire-msa", "name: Aspire_MSA", StringComparison.Ordinal));

        Assert.False(AzdSchema.Evaluate(JsonSerializer.SerializeToElement(wrong)).IsValid);
    }

    [Fact]
    public void AzureYaml_DeploysTheAppHost_ToContainerApps()
    {
        var services = YamlDocument.Parse(RepositoryFiles.Read("azure.yaml"))["services"]!.AsObject();

        var app = Assert.Single(services).Value!;
        Assert.Equal("dotnet", app["language"]!.GetValue<string>());
        Assert.Equal("containerapp", app["host"]!.GetValue<string>());
        Assert.True(File.Exists(RepositoryFiles.PathOf(app["project"]!.GetValue<string>())));
        Assert.EndsWith("AppHost/AppHost.csproj", app["project"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
