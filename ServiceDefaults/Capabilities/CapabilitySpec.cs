using System.Text.Json.Nodes;

namespace AspireMsa.ServiceDefaults.Capabilities;

/// <summary>
/// Backstage's Component spec (type, lifecycle, owner, system, providesApis, consumesApis, dependsOn), and what the hub
/// reads besides: where the HTTP API's OpenAPI document is, the AsyncAPI 3.0 document of the events, and the datasets.
/// </summary>
public sealed record CapabilitySpec(
    string Type,
    string Lifecycle,
    string Owner,
    string System,
    IReadOnlyList<string> ProvidesApis,
    IReadOnlyList<string> ConsumesApis,
    IReadOnlyList<string> DependsOn,
    string? OpenApiPath,
    JsonObject? AsyncApi,
    IReadOnlyList<Dataset> Datasets);
