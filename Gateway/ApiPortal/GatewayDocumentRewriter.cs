using System.Text.Json.Nodes;
using AspireMsa.Gateway.Middleware;

namespace AspireMsa.Gateway.ApiPortal;

/// <summary>
/// Makes a service's OpenAPI document describe the API as callers reach it: through the gateway. The gateway routes
/// paths unchanged, so only the server changes, and the OAuth 2.0 endpoints become absolute URLs at the gateway.
/// </summary>
public static class GatewayDocumentRewriter
{
    private static readonly string[] FlowUrlProperties = ["authorizationUrl", "tokenUrl", "refreshUrl"];

    /// <returns>False when the document is not a JSON object, so it cannot be an OpenAPI document.</returns>
    public static bool TryRewrite(JsonNode document, string gatewayBaseUrl)
    {
        if (document is not JsonObject root)
        {
            return false;
        }

        root["servers"] = new JsonArray(new JsonObject { ["url"] = gatewayBaseUrl });
        // The portal's way to the hub, where the same service's events, datasets and dependencies are.
        if (root["info"] is JsonObject info)
        {
            var description = info["description"] is JsonValue text && text.TryGetValue(out string? existing) ? existing + "\n\n" : string.Empty;
            info["description"] = description + $"Events, datasets and dependencies of every capability: [the capability hub]({gatewayBaseUrl}{SecurityHeadersMiddleware.HubPath}).";
        }

        var schemes = root["components"]?["securitySchemes"] as JsonObject ?? [];
        var flows = schemes.Select(scheme => scheme.Value?["flows"]).OfType<JsonObject>().SelectMany(f => f.Select(flow => flow.Value)).OfType<JsonObject>();
        foreach (var flow in flows)
        {
            foreach (var property in FlowUrlProperties)
            {
                // Relative to the server, per OpenAPI; made absolute so every tool resolves them the same way.
                if (flow[property] is JsonValue value && value.TryGetValue(out string? path) && path.StartsWith('/'))
                {
                    flow[property] = gatewayBaseUrl + path;
                }
            }
        }

        return true;
    }
}
