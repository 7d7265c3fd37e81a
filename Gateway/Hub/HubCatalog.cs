using System.Text.Json.Nodes;
using AspireMsa.ServiceDefaults.Capabilities;

namespace AspireMsa.Gateway.Hub;

/// <summary>
/// Everything the hub serves, derived from the manifests of the capabilities that answered: the capabilities themselves,
/// every event type with its publishers and consumers (from their AsyncAPI documents), and every dataset with its lineage.
/// </summary>
/// <param name="Unavailable">Capabilities the AppHost deployed whose manifest could not be read now.</param>
public sealed record HubCatalog(
    IReadOnlyList<CapabilityManifest> Capabilities,
    IReadOnlyList<string> Unavailable,
    IReadOnlyList<HubEvent> Events,
    IReadOnlyList<HubDataset> Datasets)
{
    public const string EventSourceAnnotation = "aspiremsa.io/event-source";

    public static HubCatalog From(IReadOnlyList<CapabilityManifest> manifests, IReadOnlyList<string> unavailable)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        var ordered = manifests.OrderBy(manifest => manifest.Metadata.Name, StringComparer.Ordinal).ToList();
        return new(ordered, unavailable, EventsOf(ordered), DatasetsOf(ordered));
    }

    private static List<HubEvent> EventsOf(IReadOnlyList<CapabilityManifest> manifests)
    {
        var operations = manifests
            .Where(manifest => manifest.Spec.AsyncApi is not null)
            .SelectMany(manifest => Operations(manifest.Spec.AsyncApi!).Select(operation => (Manifest: manifest, operation.Action, operation.EventType, operation.Schema)))
            .ToList();
        return [.. operations.GroupBy(operation => operation.EventType, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group =>
            {
                var sent = group.Where(operation => operation.Action == AsyncApiDocument.SendAction).ToList();
                var received = group.Where(operation => operation.Action == AsyncApiDocument.ReceiveAction).ToList();
                return new HubEvent(
                    group.Key,
                    DatasetUrn.ForEvent(group.Key),
                    (sent.Count > 0 ? sent : received).Select(operation => operation.Schema).FirstOrDefault(schema => schema is not null)?.DeepClone(),
                    Names(sent.Select(operation => SourceOf(operation.Manifest))),
                    Names(sent.Select(operation => operation.Manifest.Metadata.Name)),
                    Names(received.Select(operation => SourceOf(operation.Manifest))),
                    Names(received.Select(operation => operation.Manifest.Metadata.Name)));
            })];
    }

    /// <summary>Each operation of an AsyncAPI document as this system writes them: one channel per event type, named after it.</summary>
    private static IEnumerable<(string Action, string EventType, JsonNode? Schema)> Operations(JsonObject asyncApi)
    {
        var messages = asyncApi["components"]?["messages"] as JsonObject ?? [];
        foreach (var (_, operation) in asyncApi["operations"] as JsonObject ?? [])
        {
            if (operation?["action"]?.GetValue<string>() is { } action
                && operation["channel"]?["$ref"]?.GetValue<string>() is ['#', '/', 'c', 'h', 'a', 'n', 'n', 'e', 'l', 's', '/', .. var eventType])
            {
                yield return (action, eventType, messages[eventType]?["payload"]);
            }
        }
    }

    private static string SourceOf(CapabilityManifest manifest) =>
        manifest.Metadata.Annotations.TryGetValue(EventSourceAnnotation, out var source) ? source : manifest.Metadata.Name;

    private static List<HubDataset> DatasetsOf(IReadOnlyList<CapabilityManifest> manifests)
    {
        var described = manifests
            .SelectMany(manifest => manifest.Spec.Datasets.Select(dataset => (Dataset: dataset, Capability: manifest.Metadata.Name)))
            .GroupBy(entry => entry.Dataset.Urn, StringComparer.Ordinal)
            .ToList();
        var downstream = described
            .SelectMany(group => group.First().Dataset.Upstream.Select(upstream => (Upstream: upstream, Urn: group.Key)))
            .ToLookup(edge => edge.Upstream, edge => edge.Urn, StringComparer.Ordinal);
        return [.. described
            .Select(group =>
            {
                var dataset = group.First().Dataset;
                return new HubDataset(
                    dataset.Urn, dataset.Platform, dataset.Name, dataset.Kind, dataset.Owner, dataset.Columns, dataset.PartitionedBy,
                    dataset.Upstream, Names(downstream[group.Key]), Names(group.Select(entry => entry.Capability)));
            })
            .OrderBy(dataset => dataset.Name, StringComparer.Ordinal)];
    }

    private static string[] Names(IEnumerable<string> names) => [.. names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
