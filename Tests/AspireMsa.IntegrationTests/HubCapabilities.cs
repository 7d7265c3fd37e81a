using System.Text.Json.Nodes;

namespace AspireMsa.IntegrationTests;

/// <summary>Reads the gateway's capability hub as the admin, once every deployed capability answers.</summary>
public static class HubCapabilities
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>The manifests, by name, once the hub names no capability as unavailable (services may still be starting).</summary>
    public static async Task<IReadOnlyDictionary<string, JsonNode>> ReadAsync(SystemFixture system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var admin = await system.GatewayAsAsync(DemoUserTokens.Admin);
        JsonNode? hub = null;
        var complete = await Polling.UntilAsync(async () =>
        {
            hub = JsonNode.Parse(await admin.GetStringAsync("/api/hub/capabilities"));
            return hub!["unavailable"]!.AsArray().Count == 0;
        }, Deadline);
        Assert.True(complete, $"Some capabilities never answered the hub: {hub?["unavailable"]?.ToJsonString()}");
        return hub!["capabilities"]!.AsArray().ToDictionary(manifest => manifest!["metadata"]!["name"]!.GetValue<string>(), manifest => manifest!);
    }
}
