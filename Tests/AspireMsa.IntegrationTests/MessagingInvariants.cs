using System.Diagnostics;
using Npgsql;
using Xunit.Abstractions;

namespace AspireMsa.IntegrationTests;

/// <summary>What must hold once a fault has healed and the saga settled, checked against both services' databases.</summary>
public static class MessagingInvariants
{
    public static async Task AssertSettledAsync(
        OrderSagaDriver saga,
        IReadOnlyCollection<Guid> acceptedOrders,
        IReadOnlyList<Guid> products,
        IReadOnlyCollection<Guid> injectedPoison,
        ITestOutputHelper output)
    {
        var watch = Stopwatch.StartNew();
        var orders = acceptedOrders.ToArray();

        await OrderSagaDriver.EventuallyAsync(async () => await saga.QueryScalarAsync<long>("orderingdb",
            """SELECT count(*) FROM orders WHERE "Id" = ANY(@ids) AND "Status" = 'Pending'""", ("ids", orders)) == 0,
            "every accepted order is confirmed or cancelled");
        output.WriteLine($"All {orders.Length} accepted orders were decided {watch.ElapsedMilliseconds} ms after healing.");

        foreach (var database in new[] { "orderingdb", "inventorydb" })
        {
            await OrderSagaDriver.EventuallyAsync(async () => await saga.QueryScalarAsync<long>(database,
                "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL") == 0, $"the outbox of {database} is drained");
        }

        // No OrderPlaced was lost on the way, even for orders the saga timeout decided first.
        var placedMessages = await OrderPlacedMessageIdsAsync(saga, orders);
        Assert.Equal(orders.Length, placedMessages.Length);
        await OrderSagaDriver.EventuallyAsync(async () => await saga.QueryScalarAsync<long>("inventorydb",
            "SELECT count(*) FROM inbox_messages WHERE message_id = ANY(@ids)", ("ids", placedMessages)) == placedMessages.Length,
            "Inventory processed every OrderPlaced");

        // Compensations may still be on their way: reserved stock converges to what confirmed orders hold.
        string mismatch = "";
        await OrderSagaDriver.EventuallyAsync(async () =>
        {
            mismatch = await ReservedVersusConfirmedAsync(saga, products);
            return mismatch.Length == 0;
        }, "reserved stock equals the confirmed quantities");

        Assert.Equal(0L, await saga.QueryScalarAsync<long>("inventorydb",
            """SELECT count(*) FROM stock_items WHERE "OnHand" < 0 OR "Reserved" < 0 OR "Reserved" > "OnHand" """));
        Assert.Equal(0L, await saga.QueryScalarAsync<long>("inventorydb",
            """SELECT count(*) FROM (SELECT 1 FROM stock_reservations GROUP BY "OrderId", "ProductId" HAVING count(*) > 1) AS twice"""));

        Assert.Equal(0, (await saga.GetDeadLettersAsync("/api/orders")).Count);
        var inventoryDeadLetters = await saga.GetDeadLettersAsync("/api/inventory");
        Assert.Equal(
            injectedPoison.Select(id => id.ToString()).Order(),
            inventoryDeadLetters.Items.Select(d => d.MessageId ?? "").Order());

        var statuses = await StatusCountsAsync(saga, orders);
        output.WriteLine($"Settled {watch.ElapsedMilliseconds} ms after healing: {statuses}.");
    }

    private static async Task<Guid[]> OrderPlacedMessageIdsAsync(OrderSagaDriver saga, Guid[] orders)
    {
        await using var connection = await saga.OpenDatabaseAsync("orderingdb");
        await using var command = new NpgsqlCommand(
            "SELECT id FROM outbox_messages WHERE type = 'OrderPlaced' AND aggregate_id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", orders);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return [.. ids];
    }

    /// <summary>Empty when every product's reserved count equals the units of its confirmed orders; the differences otherwise.</summary>
    private static async Task<string> ReservedVersusConfirmedAsync(OrderSagaDriver saga, IReadOnlyList<Guid> products)
    {
        var confirmed = await SumsAsync(saga, "orderingdb", """
            SELECT l."ProductId", sum(l."Quantity")::bigint FROM order_lines l JOIN orders o ON o."Id" = l."OrderId"
            WHERE o."Status" = 'Confirmed' AND l."ProductId" = ANY(@products) GROUP BY l."ProductId"
            """, products);
        var reserved = await SumsAsync(saga, "inventorydb",
            """SELECT "ProductId", "Reserved"::bigint FROM stock_items WHERE "ProductId" = ANY(@products)""", products);
        return string.Join("; ", products
            .Where(p => confirmed.GetValueOrDefault(p) != reserved.GetValueOrDefault(p))
            .Select(p => $"{p}: confirmed {confirmed.GetValueOrDefault(p)}, reserved {reserved.GetValueOrDefault(p)}"));
    }

    private static async Task<Dictionary<Guid, long>> SumsAsync(OrderSagaDriver saga, string database, string sql, IReadOnlyList<Guid> products)
    {
        await using var connection = await saga.OpenDatabaseAsync(database);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("products", products.ToArray());
        var sums = new Dictionary<Guid, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            sums[reader.GetGuid(0)] = reader.GetInt64(1);
        }

        return sums;
    }

    private static async Task<string> StatusCountsAsync(OrderSagaDriver saga, Guid[] orders)
    {
        await using var connection = await saga.OpenDatabaseAsync("orderingdb");
        await using var command = new NpgsqlCommand("""
            SELECT o."Status" || CASE WHEN h."Reason" LIKE '%saga timeout%' THEN ' (timeout)' ELSE '' END, count(*)
            FROM orders o JOIN order_status_changes h ON h."OrderId" = o."Id" AND h."Status" = o."Status"
            WHERE o."Id" = ANY(@ids) AND h."Status" <> 'Pending' AND h."Reason" NOT LIKE 'Stock was reserved after%'
            GROUP BY 1 ORDER BY 1
            """, connection);
        command.Parameters.AddWithValue("ids", orders);
        var parts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            parts.Add($"{reader.GetInt64(1)} {reader.GetString(0)}");
        }

        return string.Join(", ", parts);
    }
}
