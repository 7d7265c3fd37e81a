using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// Real faults while orders flow through the saga: the broker, an Inventory replica and PostgreSQL go away and come back.
/// After healing, every accepted order is decided, nothing is reserved twice or lost, and the dead-letter queues hold only
/// the poison this collection injected.
/// </summary>
[Collection(MessagingFaultCollection.Name)]
public class MessagingFaultTests(SystemFixture system, ITestOutputHelper output)
{
    private const int Orders = 100;
    private const int OrdersDuringOutage = 40;
    private const int Callers = 6;
    private const int StockPerProduct = 60;

    // The fixture is shared by the collection's tests, and so is its dead-letter queue.
    private static readonly List<Guid> InjectedPoison = [];

    [Fact]
    public async Task TheBrokerStoppedAndStarted_WhileOrdersFlow_EveryAcceptedOrderSettles()
    {
        var (saga, products, load, running) = await StartLoadAsync();

        await ExecuteAsync("rabbitmq", KnownResourceCommands.StopCommand);
        await running;
        // Orders are still accepted without a broker: they wait in Ordering's outbox.
        await load.RunAsync(OrdersDuringOutage, Callers);
        Assert.Equal(0, load.Refused);
        await ExecuteAsync("rabbitmq", KnownResourceCommands.StartCommand);
        await system.App.ResourceNotifications.WaitForResourceHealthyAsync("rabbitmq");
        await InjectPoisonAsync();

        await SettleAsync(saga, load, products);
    }

    [Fact]
    public async Task AnInventoryReplicaKilled_WhileOrdersFlow_EveryAcceptedOrderSettles()
    {
        var (saga, products, load, running) = await StartLoadAsync();

        // SIGKILL, not a graceful stop: messages it holds unacknowledged go back to the queue, possibly after its commit.
        var (replica, pid) = (await InventoryReplicasAsync())[0];
        // The whole tree: DCP runs a service through a `dotnet run` process whose child is the service itself.
        Process.GetProcessById(pid).Kill(entireProcessTree: true);
        output.WriteLine($"Killed inventory replica {replica} (pid {pid}) after {load.Accepted.Count} accepted orders.");
        await running;
        await ExecuteAsync(replica, KnownResourceCommands.StartCommand);
        await InjectPoisonAsync();

        await SettleAsync(saga, load, products);
    }

    [Fact]
    public async Task PostgresRestarted_WhileOrdersFlow_EveryAcceptedOrderSettles()
    {
        var (saga, products, load, running) = await StartLoadAsync();

        await ExecuteAsync("postgres", KnownResourceCommands.StopCommand);
        // These wait in the services' retry strategies, or fail; only the ones answered 202 count.
        var duringOutage = load.RunAsync(OrdersDuringOutage, Callers);
        await ExecuteAsync("postgres", KnownResourceCommands.StartCommand);
        await system.App.ResourceNotifications.WaitForResourceHealthyAsync("postgres");
        // The test's own pooled connections died with the server too.
        NpgsqlConnection.ClearAllPools();
        await Task.WhenAll(running, duringOutage);
        await InjectPoisonAsync();

        await SettleAsync(saga, load, products);
    }

    [Fact]
    public async Task StockReservedAfterTheSagaTimedOut_IsReleasedAgain()
    {
        var saga = await OrderSagaDriver.ForAsync(system);
        var productId = Guid.NewGuid();
        await saga.SetStockAsync(productId, 5);
        var inventory = system.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == "inventory");

        await system.App.ResourceCommands.ExecuteCommandAsync(inventory, KnownResourceCommands.StopCommand);
        var orderId = await saga.PlaceOrderAsync((productId, 2));
        var cancelled = await saga.WaitForTerminalAsync(orderId, TimeSpan.FromSeconds(60));
        Assert.Equal("Cancelled", cancelled.Status);
        Assert.Contains("saga timeout", cancelled.History[^1].Reason, StringComparison.Ordinal);

        // Inventory comes back, reserves for the order it finds in its queue, and Ordering hands the stock back.
        await system.App.ResourceCommands.ExecuteCommandAsync(inventory, KnownResourceCommands.StartCommand);
        await system.App.ResourceNotifications.WaitForResourceHealthyAsync("inventory");
        await OrderSagaDriver.EventuallyAsync(async () => await saga.QueryScalarAsync<long>("inventorydb",
            """SELECT count(*) FROM stock_reservations WHERE "OrderId" = @id AND "ReleasedAt" IS NOT NULL""", ("id", orderId)) == 1,
            "the late reservation was released");

        Assert.Equal(0, (await saga.GetStockAsync(productId))!.Reserved);
        var order = (await saga.GetOrderAsync(orderId))!;
        Assert.Equal("Cancelled", order.Status);
        Assert.StartsWith("Stock was reserved after the order was cancelled", order.History[^1].Reason, StringComparison.Ordinal);
    }

    private async Task<(OrderSagaDriver Saga, Guid[] Products, OrderSagaLoad Load, Task Running)> StartLoadAsync()
    {
        var saga = await OrderSagaDriver.ForAsync(system);
        Guid[] products = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        foreach (var product in products)
        {
            await saga.SetStockAsync(product, StockPerProduct);
        }

        var load = new OrderSagaLoad(saga, products);
        var running = load.RunAsync(Orders, Callers);
        await load.WaitUntilAcceptedAsync(Orders / 4);
        return (saga, products, load, running);
    }

    private async Task SettleAsync(OrderSagaDriver saga, OrderSagaLoad load, Guid[] products)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{load.Accepted.Count} orders accepted, {load.Refused} refused, in {load.Elapsed.TotalSeconds:0.0} s ({load.Accepted.Count / load.Elapsed.TotalSeconds:0.0} orders/s)."));
        await MessagingInvariants.AssertSettledAsync(saga, load.Accepted, products, InjectedPoison, output);
    }

    private async Task ExecuteAsync(string resourceId, string command)
    {
        var result = await system.App.ResourceCommands.ExecuteCommandAsync(resourceId, command);
        Assert.True(result.Success, $"{command} on {resourceId}: {result.Message}");
    }

    /// <summary>Each replica's DCP name and process id, from the resource snapshots (the notifications replay current state).</summary>
    private async Task<List<(string Replica, int Pid)>> InventoryReplicasAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var replicas = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var resourceEvent in system.App.ResourceNotifications.WatchAsync(timeout.Token))
        {
            var pid = resourceEvent.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value;
            if (resourceEvent.Resource.Name == "inventory" && pid is not null)
            {
                replicas[resourceEvent.ResourceId] = Convert.ToInt32(pid, CultureInfo.InvariantCulture);
                if (replicas.Count == 2)
                {
                    break;
                }
            }
        }

        return [.. replicas.Select(r => (r.Key, r.Value))];
    }

    /// <summary>A message Inventory can never read, sent straight to its queue as a broken publisher would.</summary>
    private async Task InjectPoisonAsync()
    {
        var poisonId = Guid.NewGuid();
        lock (InjectedPoison)
        {
            InjectedPoison.Add(poisonId);
        }

        await MessagingBroker.PublishAsync(system.App, string.Empty, "inventory",
            MessagingBroker.Properties(poisonId, "OrderPlaced", "test"), Encoding.UTF8.GetBytes("<order>not json</order>"));
    }
}
