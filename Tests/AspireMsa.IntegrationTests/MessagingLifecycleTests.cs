using System.Net;
using System.Net.Http.Json;
using RabbitMQ.Client;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// Nothing in the bus's tables grows for ever, and nothing is silently retried for ever: old sent outbox rows, inbox rows
/// and aggregate positions are purged (the fixture runs a round every second), and an outbox row the broker keeps refusing
/// is parked, listed for the admin and published again on replay.
/// </summary>
[Collection(SystemCollection.Name)]
public class MessagingLifecycleTests(SystemFixture system)
{
    /// <summary><c>EventBus:OutboxMaxAttempts</c>'s default.</summary>
    private const int OutboxMaxAttempts = 20;

    [Fact]
    public async Task RowsOlderThanTheRetentionAge_ArePurged_WhileRecentAndUnsentRowsStay()
    {
        var (oldSent, recentSent, oldUnsent) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var (oldInbox, recentInbox) = (Guid.NewGuid(), Guid.NewGuid());
        var (oldPosition, recentPosition) = (Guid.NewGuid(), Guid.NewGuid());
        await using var db = await system.OpenDatabaseAsync("orderingdb");
        await ExecuteAsync(db, """
            INSERT INTO outbox_messages (id, type, payload, aggregate_id, sequence, created_at, sent_at, attempts, locked_until) VALUES
                (@oldSent, 'RetentionProbe', '{}', @oldSent, 1, now() - interval '8 days', now() - interval '8 days', 1, NULL),
                (@recentSent, 'RetentionProbe', '{}', @recentSent, 1, now() - interval '1 day', now() - interval '1 day', 1, NULL),
                -- Unsent and held by a long lease, so the relay leaves it alone while the purge must too.
                (@oldUnsent, 'RetentionProbe', '{}', @oldUnsent, 1, now() - interval '8 days', NULL, 0, now() + interval '1 day');
            INSERT INTO inbox_messages (message_id, type, source, received_at, deliveries) VALUES
                (@oldInbox, 'RetentionProbe', 'tests', now() - interval '8 days', 1),
                (@recentInbox, 'RetentionProbe', 'tests', now() - interval '1 day', 1);
            INSERT INTO inbox_aggregate_positions (source, aggregate_id, last_sequence, updated_at) VALUES
                ('tests', @oldPosition, 3, now() - interval '8 days'),
                ('tests', @recentPosition, 3, now() - interval '1 day');
            """, ("oldSent", oldSent), ("recentSent", recentSent), ("oldUnsent", oldUnsent), ("oldInbox", oldInbox),
            ("recentInbox", recentInbox), ("oldPosition", oldPosition), ("recentPosition", recentPosition));
        try
        {
            await OrderSagaDriver.EventuallyAsync(async () =>
                await CountAsync(db, "SELECT count(*) FROM outbox_messages WHERE id = @id", oldSent) == 0
                && await CountAsync(db, "SELECT count(*) FROM inbox_messages WHERE message_id = @id", oldInbox) == 0
                && await CountAsync(db, "SELECT count(*) FROM inbox_aggregate_positions WHERE aggregate_id = @id", oldPosition) == 0,
                "the rows older than 7 days were purged");

            Assert.Equal(1, await CountAsync(db, "SELECT count(*) FROM outbox_messages WHERE id = @id", recentSent));
            Assert.Equal(1, await CountAsync(db, "SELECT count(*) FROM outbox_messages WHERE id = @id AND sent_at IS NULL", oldUnsent));
            Assert.Equal(1, await CountAsync(db, "SELECT count(*) FROM inbox_messages WHERE message_id = @id", recentInbox));
            Assert.Equal(1, await CountAsync(db, "SELECT count(*) FROM inbox_aggregate_positions WHERE aggregate_id = @id", recentPosition));
        }
        finally
        {
            await ExecuteAsync(db, "DELETE FROM outbox_messages WHERE type = 'RetentionProbe'; DELETE FROM inbox_messages WHERE type = 'RetentionProbe'; DELETE FROM inbox_aggregate_positions WHERE source = 'tests'");
        }
    }

    [Fact]
    public async Task AnOutboxRowTheBrokerKeepsRefusing_IsParked_ListedForTheAdmin_AndPublishedOnReplay()
    {
        var admin = await system.GatewayAsAsync("admin");
        var messageId = Guid.NewGuid();
        await using var db = await system.OpenDatabaseAsync("orderingdb");
        // No queue is bound for this type, so every publish comes back as returned; one attempt is left before the cap.
        await ExecuteAsync(db, """
            INSERT INTO outbox_messages (id, type, payload, aggregate_id, sequence, created_at, attempts)
            VALUES (@id, 'ParkingProbe', '{"probe":true}', @id, 1, now(), @attempts)
            """, ("id", messageId), ("attempts", OutboxMaxAttempts - 1));

        ParkedDto? parked = null;
        await OrderSagaDriver.EventuallyAsync(async () =>
        {
            var list = await admin.GetFromJsonAsync<ParkedListDto>("/api/orders/admin/outbox/parked");
            parked = list!.Items.SingleOrDefault(m => m.Id == messageId);
            return parked is not null;
        }, "the refused row was parked and listed");
        Assert.Equal("ParkingProbe", parked!.Type);
        Assert.Equal(OutboxMaxAttempts, parked.Attempts);
        Assert.Equal(0, await CountAsync(db, "SELECT count(*) FROM outbox_messages WHERE id = @id AND sent_at IS NOT NULL", messageId));

        // The cause is fixed: a consumer now listens for the type. Replay hands the row back to the relay.
        var factory = new ConnectionFactory { Uri = new Uri((await system.App.GetConnectionStringAsync("rabbitmq"))!) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true)).QueueName;
        await channel.QueueBindAsync(queue, MessagingBroker.EventsExchange, "ParkingProbe");

        var replay = await admin.PostAsync($"/api/orders/admin/outbox/parked/replay?messageId={messageId}", null);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(1, (await replay.Content.ReadFromJsonAsync<ReplayDto>())!.Replayed);

        BasicGetResult? delivered = null;
        await OrderSagaDriver.EventuallyAsync(async () => (delivered = await channel.BasicGetAsync(queue, autoAck: true)) is not null,
            "the replayed row reached the broker");
        Assert.Equal(messageId.ToString(), delivered!.BasicProperties.MessageId);
        await OrderSagaDriver.EventuallyAsync(async () =>
            await CountAsync(db, "SELECT count(*) FROM outbox_messages WHERE id = @id AND sent_at IS NOT NULL AND parked_at IS NULL", messageId) == 1,
            "the replayed row was marked sent");
    }

    [Fact]
    public async Task TheParkedOutbox_IsForAdminsOnly()
    {
        var alice = await system.GatewayAsAsync("alice");

        var response = await alice.GetAsync("/api/orders/admin/outbox/parked");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task ExecuteAsync(Npgsql.NpgsqlConnection db, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new Npgsql.NpgsqlCommand(sql, db);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountAsync(Npgsql.NpgsqlConnection db, string sql, Guid id)
    {
        await using var command = new Npgsql.NpgsqlCommand(sql, db);
        command.Parameters.AddWithValue("id", id);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private sealed record ParkedDto(Guid Id, string Type, Guid AggregateId, long Sequence, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset ParkedAt, string Payload);

    private sealed record ParkedListDto(long Count, List<ParkedDto> Items);

    private sealed record ReplayDto(int Replayed);
}
