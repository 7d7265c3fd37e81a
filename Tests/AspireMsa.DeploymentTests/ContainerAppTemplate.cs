using System.Text.Json.Nodes;

namespace AspireMsa.DeploymentTests;

/// <summary>One committed container app template (<c>AppHost/infra/&lt;resource&gt;.tmpl.yaml</c>), the file azd deploys for that resource.</summary>
public sealed class ContainerAppTemplate
{
    public const string Folder = "AppHost/infra";

    private ContainerAppTemplate(string name, string text, JsonNode document)
    {
        Name = name;
        Text = text;
        Configuration = document["properties"]!["configuration"]!;
        Template = document["properties"]!["template"]!;
        Container = Template["containers"]!.AsArray().Single()!;
    }

    public string Name { get; }

    public string Text { get; }

    public JsonNode Configuration { get; }

    public JsonNode Template { get; }

    public JsonNode Container { get; }

    public string ActiveRevisionsMode => Configuration["activeRevisionsMode"]!.GetValue<string>();

    public int MinReplicas => int.Parse(Template["scale"]!["minReplicas"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    public int? MaxReplicas => Template["scale"]!["maxReplicas"]?.GetValue<string>() is { } max
        ? int.Parse(max, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>Each environment variable: its literal value, or null when it is a secret reference.</summary>
    public IReadOnlyDictionary<string, string?> Environment => Container["env"]!.AsArray()
        .ToDictionary(variable => variable!["name"]!.GetValue<string>(), variable => variable!["value"]?.GetValue<string>());

    public IReadOnlyDictionary<string, string> SecretReferences => Container["env"]!.AsArray()
        .Where(variable => variable!["secretRef"] is not null)
        .ToDictionary(variable => variable!["name"]!.GetValue<string>(), variable => variable!["secretRef"]!.GetValue<string>());

    public IReadOnlyDictionary<string, string> Secrets => Configuration["secrets"]?.AsArray()
        .ToDictionary(secret => secret!["name"]!.GetValue<string>(), secret => secret!["value"]!.GetValue<string>())
        ?? new Dictionary<string, string>();

    public IEnumerable<JsonNode> Probes => Container["probes"]?.AsArray().Select(probe => probe!) ?? [];

    public static IReadOnlyList<string> Names() => [.. Directory.GetFiles(RepositoryFiles.PathOf(Folder), "*.tmpl.yaml")
        .Select(path => Path.GetFileName(path)[..^".tmpl.yaml".Length])
        .Order(StringComparer.Ordinal)];

    public static ContainerAppTemplate Load(string name)
    {
        var text = RepositoryFiles.Read($"{Folder}/{name}.tmpl.yaml");
        return new ContainerAppTemplate(name, text, YamlDocument.Parse(text));
    }
}
