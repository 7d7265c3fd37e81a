using System.Text.RegularExpressions;

namespace AspireMsa.DeploymentTests;

/// <summary>No secret value is committed: templates take secrets from azd's parameters, as container app secret references.</summary>
public partial class NoLiteralSecretsTests
{
    public static TheoryData<string> Templates() => [.. ContainerAppTemplate.Names()];

    [Theory]
    [MemberData(nameof(Templates))]
    public void EveryVariableThatCarriesASecret_IsASecretReference(string name)
    {
        var manifestEnvironment = AspireManifest.Snapshot()["resources"]![name]!["env"]!.AsObject();
        var template = ContainerAppTemplate.Load(name);

        foreach (var (variable, value) in manifestEnvironment)
        {
            var text = value!.GetValue<string>();
            if (CarriesASecret(variable, text))
            {
                Assert.True(template.SecretReferences.ContainsKey(variable), $"{name}: {variable} must be a secretRef, not a value.");
                Assert.Null(template.Environment[variable]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void EverySecret_TakesItsValueFromAzdsParameters_NeverALiteral(string name)
    {
        var template = ContainerAppTemplate.Load(name);

        Assert.All(template.Secrets, secret =>
            Assert.Matches(SecuredParameter(), secret.Value));
        Assert.All(template.SecretReferences.Values, reference => Assert.Contains(reference, template.Secrets.Keys));
    }

    [Fact]
    public void NoDeploymentFile_HoldsAPasswordLikeLiteral()
    {
        var files = Directory.GetFiles(RepositoryFiles.PathOf("infra"), "*.bicep")
            .Concat(Directory.GetFiles(RepositoryFiles.PathOf("infra"), "*.json"))
            .Concat(Directory.GetFiles(RepositoryFiles.PathOf(ContainerAppTemplate.Folder)))
            .Append(RepositoryFiles.PathOf("azure.yaml"));

        var findings = files
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, number: index + 1)))
            .Where(entry => LiteralSecret().IsMatch(entry.line))
            .Select(entry => $"{Path.GetRelativePath(RepositoryFiles.Root, entry.file)}:{entry.number}: {entry.line.Trim()}");

        Assert.Empty(findings);
    }

    private static bool CarriesASecret(string variable, string value) =>
        variable.StartsWith("ConnectionStrings__", StringComparison.Ordinal)
        || value.Contains(".connectionString}", StringComparison.Ordinal)
        || SecretParameterReference().IsMatch(value);

    // The manifest's secret parameters and the URIs built from them.
    [GeneratedRegex(@"\{[a-z-]*(password|key)[a-z-]*\.value\}")]
    private static partial Regex SecretParameterReference();

    [GeneratedRegex(@"⟦ (uriEncode \()?securedParameter ""[a-z_]+"" \)?⟧")]
    private static partial Regex SecuredParameter();

    // password=, Password=, "password": "…", secret: … followed by anything but a template action or a parameter reference.
    [GeneratedRegex(@"(?i)(password|pwd|secret|apikey|accountkey)[""']?\s*[=:]\s*[""']?(?!\{|\$\{|\s*$|[""']?\s*$|true\b|false\b)[^\s;""',}]{4,}")]
    private static partial Regex LiteralSecret();
}
