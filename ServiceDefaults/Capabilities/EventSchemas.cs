using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace AspireMsa.ServiceDefaults.Capabilities;

/// <summary>
/// An event's JSON Schema, exported from its C# type with the serializer options the event bus writes it with, so the
/// schema describes the bytes on the wire.
/// </summary>
public static class EventSchemas
{
    public static JsonNode For(Type eventType) =>
        JsonSchemaExporter.GetJsonSchemaAsNode(JsonSerializerOptions.Web, eventType);
}
