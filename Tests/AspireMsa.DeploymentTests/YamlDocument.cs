using System.Text.Json.Nodes;
using YamlDotNet.Serialization;

namespace AspireMsa.DeploymentTests;

/// <summary>
/// YAML read into <see cref="JsonNode"/>s (azd templates included): their Go template actions <c>{{ … }}</c> become
/// <c>⟦ … ⟧</c> first, so the rest parses as the YAML azd sees once it has filled them in.
/// </summary>
public static class YamlDocument
{
    public const string ActionStart = "⟦";

    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    public static JsonNode Parse(string yaml)
    {
        var withoutActions = yaml.Replace("{{", ActionStart, StringComparison.Ordinal).Replace("}}", "⟧", StringComparison.Ordinal);
        return ToJsonNode(Deserializer.Deserialize<object>(withoutActions))
            ?? throw new InvalidOperationException("The YAML document is empty.");
    }

    private static JsonNode? ToJsonNode(object? value) => value switch
    {
        null => null,
        IDictionary<object, object> mapping => new JsonObject(
            mapping.Select(pair => KeyValuePair.Create(Convert.ToString(pair.Key, System.Globalization.CultureInfo.InvariantCulture)!, ToJsonNode(pair.Value)))),
        IList<object> sequence => new JsonArray([.. sequence.Select(ToJsonNode)]),
        _ => JsonValue.Create(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)),
    };
}
