using System.Text.Json;
using Xunit.Abstractions;

namespace AspireMsa.IntegrationTests;

/// <summary>A non-essential part that is down degrades its section of the page, never the whole page.</summary>
[Collection(FaultCollection.Name)]
public class BffDegradationTests(FaultSystemFixture system, ITestOutputHelper output)
{
    private const string Inventory = "inventory";
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task WhileInventoryIsStopped_ProductDetailsMarkAvailabilityUnavailable_AndThePortalAnswers503_ThenBothRecover()
    {
        var product = await BffScenario.CreateProductWithStockAsync(system, onHand: 5);
        var alice = await system.GatewayAsAsync("alice");
        Assert.Equal("available", await AvailabilityStatusAsync(alice, product.Id));

        // What counts is what callers see, so the BFF is polled rather than DCP's report of the stop trusted.
        await OperatorCommands.StopAsync(system.App, Inventory, output);

        Assert.True(await PollAsync(async () => await AvailabilityStatusAsync(alice, product.Id) == "unavailable"),
            "Availability still shows while inventory is stopped.");
        // Never fetched in this system before, so not cached: the portal reports the service as unreachable.
        await Problems.AssertAsync(await system.Gateway.GetAsync("/openapi/inventory.json"), HttpStatusCode.ServiceUnavailable);

        await OperatorCommands.StartAgainAsync(system.App, Inventory, output);

        Assert.True(await PollAsync(async () => await AvailabilityStatusAsync(alice, product.Id) == "available"),
            "Availability did not come back after inventory restarted.");
        // The replicas come back one by one; the portal answers once the one it asks is up.
        Assert.True(await PollAsync(async () => (await system.Gateway.GetAsync("/openapi/inventory.json")).StatusCode == HttpStatusCode.OK),
            "The portal still cannot fetch inventory's document after it restarted.");
    }

    /// <summary>Answers 200 whatever inventory does; returns the availability section's status.</summary>
    private static async Task<string?> AvailabilityStatusAsync(HttpClient client, Guid productId)
    {
        var response = await client.GetAsync($"/bff/products/{productId}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("availability").GetProperty("status").GetString();
    }

    private static Task<bool> PollAsync(Func<Task<bool>> condition) => Polling.UntilAsync(condition, Deadline);
}
