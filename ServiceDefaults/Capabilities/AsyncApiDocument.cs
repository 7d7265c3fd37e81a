using System.Text.Json.Nodes;

namespace AspireMsa.ServiceDefaults.Capabilities;

/// <summary>
/// A service's events as an AsyncAPI 3.0 document: one channel per event type (its routing key on the events exchange),
/// a <c>send</c> operation for each event it publishes and a <c>receive</c> operation for each it consumes, and each
/// message's payload the type's exported JSON Schema (<see cref="EventSchemas"/>).
/// </summary>
public static class AsyncApiDocument
{
    public const string Version = "3.0.0";
    public const string SendAction = "send";
    public const string ReceiveAction = "receive";

    public static JsonObject Create(string title, ICapabilityEvents events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var channels = new JsonObject();
        var operations = new JsonObject();
        var messages = new JsonObject();
        foreach (var type in events.Published.Concat(events.Consumed).Distinct().OrderBy(type => type.Name, StringComparer.Ordinal))
        {
            var name = type.Name;
            channels[name] = new JsonObject
            {
                ["address"] = name,
                ["description"] = $"{name} messages on the topic exchange, routed by their type.",
                ["messages"] = new JsonObject { [name] = Reference($"#/components/messages/{name}") },
            };
            messages[name] = new JsonObject
            {
                ["name"] = name,
                ["contentType"] = "application/json",
                ["payload"] = EventSchemas.For(type),
            };
        }

        foreach (var type in events.Published.OrderBy(type => type.Name, StringComparer.Ordinal))
        {
            operations[$"publish{type.Name}"] = Operation(SendAction, type.Name);
        }

        foreach (var type in events.Consumed.OrderBy(type => type.Name, StringComparer.Ordinal))
        {
            operations[$"consume{type.Name}"] = Operation(ReceiveAction, type.Name);
        }

        return new JsonObject
        {
            ["asyncapi"] = Version,
            ["info"] = new JsonObject
            {
                ["title"] = title,
                ["version"] = "1.0.0",
                ["description"] = $"The integration events '{events.Source}' publishes and consumes, generated from their C# types.",
            },
            ["defaultContentType"] = "application/json",
            ["channels"] = channels,
            ["operations"] = operations,
            ["components"] = new JsonObject { ["messages"] = messages },
        };
    }

    private static JsonObject Operation(string action, string eventType) => new()
    {
        ["action"] = action,
        ["channel"] = Reference($"#/channels/{eventType}"),
        ["messages"] = new JsonArray(Reference($"#/channels/{eventType}/messages/{eventType}")),
    };

    private static JsonObject Reference(string pointer) => new() { ["$ref"] = pointer };
}
