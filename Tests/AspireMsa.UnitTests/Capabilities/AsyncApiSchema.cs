using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace AspireMsa.UnitTests.Capabilities;

/// <summary>
/// The official AsyncAPI 3.0.0 schema, vendored under <c>Fixtures/AsyncApi</c>, and the errors a document has against it;
/// the integration tests link this file to check the documents the services serve.
/// </summary>
public static class AsyncApiSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "AsyncApi", "asyncapi-3.0.0.schema.json"))));

    public static IReadOnlyList<string> ErrorsOf(JsonNode document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var result = Schema.Value.Evaluate(JsonSerializer.SerializeToElement(document), new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid ? [] : [.. (result.Details ?? [])
            .Where(detail => detail.Errors is not null)
            .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Value}"))];
    }
}
