using System.Text;
using Npgsql;

namespace AspireMsa.IntegrationTests;

/// <summary>At-least-once delivery made safe: redeliveries are skipped by the inbox, poison goes to the dead-letter queue.</summary>
[Collection(SystemCollection.Name)]
public class MessagingInboxTests(SystemFixture system)
{
    [Fact]
    public async Task ARedeliveredOrderPlaced_IsSkippedByTheInbox_AndReservesNothingTwice()
    {
        var saga = await OrderSagaDriver.ForAsync(system);
        var productId = Guid.NewGuid();
        await saga.SetStockAsync(productId, 10);
        var orderId = await saga.PlaceOrderAsync((productId, 2));
        Assert.Equal("Confirmed", (await saga.WaitForTerminalAsync(orderId)).Status);

        // The exact message Ordering published, sent twice more at once, as a broker redelivery or a relay retry would.
        var (messageId, payload, sequence) = await ReadOutboxRowAsync(orderId);
        var headers = new Dictionary<string, object?> { ["x-aggregate-id"] = orderId.ToString(), ["x-sequence"] = sequence };
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => MessagingBroker.PublishAsync(system.App, MessagingBroker.EventsExchange, "OrderPlaced",
            MessagingBroker.Properties(messageId, "OrderPlaced", "ordering", headers), Encoding.UTF8.GetBytes(payload))));

        await OrderSagaDriver.EventuallyAsync(
            async () => await saga.QueryScalarAsync<int>("inventorydb", "SELECT deliveries FROM inbox_messages WHERE message_id = @id", ("id", messageId)) == 3,
            "the inbox counted both redeliveries");
        Assert.Equal(2, (await saga.GetStockAsync(productId))!.Reserved);
        Assert.Equal(1L, await saga.QueryScalarAsync<long>("inventorydb", """SELECT count(*) FROM stock_reservations WHERE "OrderId" = @id""", ("id", orderId)));
        Assert.Equal(1L, await saga.QueryScalarAsync<long>("inventorydb", "SELECT count(*) FROM outbox_messages WHERE aggregate_id = @id", ("id", orderId)));
    }

    [Fact]
    public async Task APoisonMessage_IsDeadLettered_WithoutRetries()
    {
        var saga = await OrderSagaDriver.ForAsync(system);
        var poisonId = Guid.NewGuid();

        await MessagingBroker.PublishAsync(system.App, string.Empty, "inventory",
            MessagingBroker.Properties(poisonId, "OrderPlaced", "test"), Encoding.UTF8.GetBytes("{ this is not json"));

        var deadLetter = await WaitForDeadLetterAsync(saga, poisonId);
        Assert.Equal("OrderPlaced", deadLetter.Type);
        Assert.Equal(1, deadLetter.Attempts);
        Assert.StartsWith("PoisonMessageException:", deadLetter.Reason, StringComparison.Ordinal);
        Assert.Equal("{ this is not json", deadLetter.Body);
    }

    [Fact]
    public async Task AReplayedDeadLetter_IsProcessedByTheService()
    {
        var saga = await OrderSagaDriver.ForAsync(system);
        var productId = Guid.NewGuid();
        await saga.SetStockAsync(productId, 4);
        var orderId = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        var body = $$"""{"id":"{{messageId}}","occurredAt":"{{DateTimeOffset.UtcNow:O}}","orderId":"{{orderId}}","buyerId":"replay-test","lines":[{"productId":"{{productId}}","quantity":3}]}""";
        // A valid message that failed earlier (say, while the database was down) waits in the dead-letter queue.
        await MessagingBroker.PublishAsync(system.App, string.Empty, "inventory.dlq",
            MessagingBroker.Properties(messageId, "OrderPlaced", "ordering", new Dictionary<string, object?> { ["x-dead-letter-reason"] = "database down" }),
            Encoding.UTF8.GetBytes(body));
        await WaitForDeadLetterAsync(saga, messageId);

        var replay = await saga.Admin.PostAsync($"/api/inventory/admin/dead-letters/replay?messageId={messageId}", null);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(1, (await replay.Content.ReadFromJsonAsync<ReplayDto>())!.Replayed);
        await OrderSagaDriver.EventuallyAsync(async () => (await saga.GetStockAsync(productId))!.Reserved == 3, "the replayed order reserved its stock");
        Assert.DoesNotContain((await saga.GetDeadLettersAsync("/api/inventory")).Items, d => d.MessageId == messageId.ToString());
    }

    private static async Task<OrderSagaDriver.DeadLetterDto> WaitForDeadLetterAsync(OrderSagaDriver saga, Guid messageId)
    {
        OrderSagaDriver.DeadLetterDto? found = null;
        await OrderSagaDriver.EventuallyAsync(async () =>
        {
            found = (await saga.GetDeadLettersAsync("/api/inventory")).Items.FirstOrDefault(d => d.MessageId == messageId.ToString());
            return found is not null;
        }, $"message {messageId} is in the inventory dead-letter queue");
        return found!;
    }

    private async Task<(Guid MessageId, string Payload, long Sequence)> ReadOutboxRowAsync(Guid orderId)
    {
        await using var connection = await system.OpenDatabaseAsync("orderingdb");
        await using var command = new NpgsqlCommand(
            "SELECT id, payload::text, sequence FROM outbox_messages WHERE aggregate_id = @id AND type = 'OrderPlaced'", connection);
        command.Parameters.AddWithValue("id", orderId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetGuid(0), reader.GetString(1), reader.GetInt64(2));
    }

    private sealed record ReplayDto(string Queue, int Replayed);
}
