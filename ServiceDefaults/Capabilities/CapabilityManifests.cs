using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace AspireMsa.ServiceDefaults.Capabilities;

/// <summary>
/// Builds the service's capability manifest once (nothing in it changes while the process runs) from what the service
/// registered: its description, its event bus's publications and consumers, its dataset sources, and the connections and
/// services the AppHost gave it (<c>ConnectionStrings:*</c>, <c>services:*</c>), which are its <c>dependsOn</c>.
/// </summary>
public sealed class CapabilityManifests(
    CapabilityDescription description,
    IEnumerable<IDatasetSource> datasetSources,
    IConfiguration configuration,
    IHostEnvironment environment,
    ICapabilityEvents? events = null)
{
    private Task<CapabilityManifest>? _manifest;

    /// <summary>The discovery name the AppHost gave the service (its resource name), else the application's name.</summary>
    public static string NameOf(IConfiguration configuration, IHostEnvironment environment) =>
        configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : environment.ApplicationName;

    /// <summary>Built on first use and kept; a build that failed is tried again on the next call rather than kept.</summary>
    public Task<CapabilityManifest> GetAsync()
    {
        // Two callers racing may both build once; the manifests are equal, so either may win.
        var manifest = _manifest;
        if (manifest is null || manifest.IsFaulted || manifest.IsCanceled)
        {
            manifest = BuildAsync(description, [.. datasetSources], configuration, environment, events);
            _manifest = manifest;
        }

        return manifest;
    }

    private static async Task<CapabilityManifest> BuildAsync(
        CapabilityDescription description, IReadOnlyList<IDatasetSource> datasetSources, IConfiguration configuration, IHostEnvironment environment,
        ICapabilityEvents? events)
    {
        var name = NameOf(configuration, environment);
        var datasets = new List<Dataset>();
        foreach (var source in datasetSources)
        {
            datasets.AddRange(await source.DescribeAsync(description.Owner, CancellationToken.None));
        }

        var published = events?.Published.OrderBy(type => type.Name, StringComparer.Ordinal).ToList() ?? [];
        var consumed = events?.Consumed.OrderBy(type => type.Name, StringComparer.Ordinal).ToList() ?? [];
        datasets.AddRange(published.Select(type => EventDataset(type, description.Owner)));

        var annotations = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["aspiremsa.io/version"] = Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
        };
        if (events is not null)
        {
            annotations["aspiremsa.io/event-source"] = events.Source;
        }

        var spec = new CapabilitySpec(
            description.Type,
            description.Lifecycle,
            description.Owner,
            description.System,
            [.. (description.OpenApiPath is null ? [] : new[] { $"{name}-openapi" }).Concat(published.Select(EventApi))],
            [.. consumed.Select(EventApi)],
            DependsOn(configuration),
            description.OpenApiPath,
            events is null ? null : AsyncApiDocument.Create($"{name} events", events),
            datasets);
        return new CapabilityManifest(
            CapabilityManifest.BackstageApiVersion, CapabilityManifest.ComponentKind, new CapabilityMetadata(name, description.Description, annotations), spec);
    }

    /// <summary>Backstage entity references: <c>resource:</c> for each connection (database, broker, cache), <c>component:</c> for each service.</summary>
    public static IReadOnlyList<string> DependsOn(IConfiguration configuration) =>
        [.. configuration.GetSection("ConnectionStrings").GetChildren().Select(connection => $"resource:{connection.Key}")
            .Concat(configuration.GetSection("services").GetChildren().Select(service => $"component:{service.Key}"))
            .Order(StringComparer.Ordinal)];

    /// <summary>The API entity one event type is, shared by its publisher (providesApis) and its consumers (consumesApis).</summary>
    public static string EventApi(Type eventType) => $"{JsonNamingPolicy.KebabCaseLower.ConvertName(eventType.Name)}-event";

    private static Dataset EventDataset(Type eventType, string owner)
    {
        var properties = EventSchemas.For(eventType)["properties"] as JsonObject ?? [];
        return new Dataset(
            DatasetUrn.ForEvent(eventType.Name),
            DatasetUrn.RabbitMq,
            DatasetUrn.EventName(eventType.Name),
            "event",
            owner,
            [.. properties.Select(property => Column(property.Key, property.Value))],
            [],
            []);
    }

    private static DatasetColumn Column(string name, JsonNode? schema) => schema?["type"] switch
    {
        JsonArray types => new(name, string.Join('|', types.Select(type => type?.GetValue<string>()).Where(type => type is not "null")),
            types.Any(type => type?.GetValue<string>() == "null")),
        JsonValue type => new(name, type.GetValue<string>(), false),
        _ => new(name, "any", true),
    };
}
