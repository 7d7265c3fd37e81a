using System.Text.Json.Nodes;

namespace AspireMsa.Gateway.Hub;

/// <summary>
/// One integration event type across the system: its JSON Schema, who publishes it (<see cref="Publishers"/>: the event
/// sources stamped on its messages; <see cref="PublishedBy"/>: the capabilities) and who consumes it.
/// </summary>
public sealed record HubEvent(
    string Type,
    string Urn,
    JsonNode? Schema,
    IReadOnlyList<string> Publishers,
    IReadOnlyList<string> PublishedBy,
    IReadOnlyList<string> Consumers,
    IReadOnlyList<string> ConsumedBy);
