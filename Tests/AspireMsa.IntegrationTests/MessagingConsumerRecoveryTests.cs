using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// The broker takes a consumer away without dropping the connection, so the client's automatic recovery never notices:
/// it closes the consumer's channel with a channel error, or cancels the consumer because its queue was deleted. Each
/// consumer sets itself up again (re-declaring its queue) and orders still complete.
/// </summary>
[Collection(FaultCollection.Name)]
public class MessagingConsumerRecoveryTests(FaultSystemFixture system, ITestOutputHelper output)
{
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TheBrokerClosingTheConsumersChannels_TheConsumersComeBack_AndAnOrderStillCompletes()
    {
        var saga = await OrderSagaDriver.ForAsync(system);
        await AssertAnOrderCompletesAsync(saga);
        await WaitForConsumersAsync();

        // A forged ack of an unknown delivery tag on each consuming channel: the broker closes that channel with
        // PRECONDITION_FAILED, a channel-level error, and the connection stays up.
        var closed = await RabbitMqCtl.RunAsync(system.App, "-q", "eval", """
            Consuming = [P || P <- rabbit_channel:list(), proplists:get_value(consumer_count, rabbit_channel:info(P, [consumer_count])) > 0],
            [rabbit_channel:do(P, {'basic.ack', 999999999, false}) || P <- Consuming],
            length(Consuming).
            """);
        output.WriteLine($"Closed {closed.Trim()} consuming channels.");
        Assert.True(int.Parse(closed.Trim(), System.Globalization.CultureInfo.InvariantCulture) >= 3, "ordering's and both inventory replicas' channels were closed");

        await WaitForConsumersAsync();
        await AssertAnOrderCompletesAsync(saga);
        await AssertConsumerHealthyAsync("ordering");
    }

    [Fact]
    public async Task TheBrokerCancellingTheConsumer_BecauseItsQueueWasDeleted_TheQueueAndConsumerComeBack_AndAnOrderStillCompletes()
    {
        var saga = await OrderSagaDriver.ForAsync(system);
        await AssertAnOrderCompletesAsync(saga);
        await WaitForConsumersAsync();

        // Deleting the queue sends basic.cancel to its consumer; its bindings go with it.
        await RabbitMqCtl.RunAsync(system.App, "-q", "delete_queue", "ordering");

        await WaitForConsumersAsync();
        await AssertAnOrderCompletesAsync(saga);
        await AssertConsumerHealthyAsync("ordering");
    }

    /// <summary>Ordering's one consumer and one per Inventory replica are registered with the broker.</summary>
    private async Task WaitForConsumersAsync()
    {
        Dictionary<string, int> consumers = [];
        var channels = 0;
        var back = await Polling.UntilAsync(async () =>
        {
            consumers = await RabbitMqCtl.ConsumersAsync(system.App);
            // Each on a channel of its own: a queue's count alone also shows a consumer whose channel is still being recovered.
            channels = await RabbitMqCtl.ConsumingChannelsAsync(system.App);
            return consumers.GetValueOrDefault("ordering") == 1 && consumers.GetValueOrDefault("inventory") == 2 && channels == consumers.Values.Sum();
        }, RecoveryDeadline);
        Assert.True(back, $"Consumers after {RecoveryDeadline}: {string.Join(", ", consumers.Select(c => $"{c.Key}={c.Value}"))}, on {channels} consuming channels");
    }

    /// <summary>Needs both consumers: Inventory takes <c>OrderPlaced</c>, Ordering takes <c>StockReserved</c>.</summary>
    private static async Task AssertAnOrderCompletesAsync(OrderSagaDriver saga)
    {
        var productId = Guid.NewGuid();
        await saga.SetStockAsync(productId, 5);
        var orderId = await saga.PlaceOrderAsync((productId, 2));
        Assert.Equal("Confirmed", (await saga.WaitForTerminalAsync(orderId)).Status);
    }

    /// <summary>The service's detailed health, on its management endpoint, carries the consumer's own check ("consumer alive").</summary>
    private async Task AssertConsumerHealthyAsync(string service)
    {
        using var client = system.App.CreateHttpClient(service, "management");
        JsonElement check = default;
        var healthy = await Polling.UntilAsync(async () =>
        {
            using var response = await client.GetAsync("/health");
            var report = await response.Content.ReadFromJsonAsync<JsonElement>();
            return report.TryGetProperty("checks", out var checks)
                && checks.TryGetProperty("eventbus-consumer", out check)
                && check.GetProperty("status").GetString() == "Healthy";
        }, TimeSpan.FromSeconds(10));
        Assert.True(healthy, $"{service}'s eventbus-consumer check: {check}");
    }
}
