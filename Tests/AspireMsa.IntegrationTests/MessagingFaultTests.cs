using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// Real faults while orders flow through the saga: the broker stops or hangs, Ordering dies between commit and publish or is
/// stopped gracefully, an Inventory replica and PostgreSQL go away, and each comes back.
/// After healing, every accepted order is decided, nothing is reserved twice or lost, and the dead-letter queues hold only
/// the poison this collection injected.
/// </summary>
[Collection(FaultCollection.Name)]
public class MessagingFaultTests(FaultSystemFixture system, ITestOutputHelper output)
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

        await OperatorCommands.StopAsync(system.App, "rabbitmq", output);
        await running;
        // Orders are still accepted without a broker: they wait in Ordering's outbox.
        await load.RunAsync(OrdersDuringOutage, Callers);
        Assert.Equal(0, load.Refused);
        await OperatorCommands.StartAgainAsync(system.App, "rabbitmq", output);
        await InjectPoisonAsync();

        await SettleAsync(saga, load, products);
    }

    [Fact]
    public async Task TheBrokerFrozenAndThawed_WhileOrdersFlow_EveryAcceptedOrderSettles()
    {
        var (saga, products, load, running) = await StartLoadAsync();

        // SIGSTOP: the connections stay open and the broker just stops answering, so publishers wait for confirms that
        // do not come and consumers get nothing, without any of the errors that a stopped broker raises.
        var (_, pid) = (await ResourceProcessesAsync("rabbitmq", 1))[0];
        using (var broker = Process.GetProcessById(pid))
        {
            Assert.Equal("beam.smp", broker.ProcessName);
        }

        ProcessSignals.Freeze(pid);
        try
        {
            await running;
            // Orders are still accepted while the broker hangs: they wait in Ordering's outbox.
            await load.RunAsync(OrdersDuringOutage, Callers);
            Assert.Equal(0, load.Refused);
            // Hung long enough for the relay to give up waiting for confirms and claim rows again: once the broker runs,
            // it gets the first copies late and the second copies too, which the consumers' inboxes skip.
            await OrderSagaDriver.EventuallyAsync(async () => await saga.QueryScalarAsync<long>("orderingdb",
                "SELECT count(*) FROM outbox_messages WHERE type = 'OrderPlaced' AND sent_at IS NULL AND attempts > 1") > 0,
                "the relay timed out on the hung broker and tried again");
            output.WriteLine($"{await UnsentOrderPlacedAsync(saga)} OrderPlaced rows unsent when the broker was thawed.");
        }
        finally
        {
            ProcessSignals.Thaw(pid);
        }

        await InjectPoisonAsync();

        await SettleAsync(saga, load, products);
    }

    [Fact]
    public async Task OrderingKilledBetweenCommitAndPublish_EveryAcceptedOrderSettlesAfterItsRestart()
    {
        var (saga, products, load, running) = await StartLoadAsync();

        // Without a broker, the relay cannot publish: every order accepted from now on is committed with an OrderPlaced
        // that has not left, which is the moment a crash between commit and publish would hit.
        await OperatorCommands.StopAsync(system.App, "rabbitmq", output);
        await running;
        await load.RunAsync(OrdersDuringOutage, Callers);
        Assert.Equal(0, load.Refused);
        var unsent = await UnsentOrderPlacedAsync(saga);
        Assert.True(unsent > 0, "Some accepted orders should wait in the outbox.");

        // SIGKILL on the whole tree (the service, and its `dotnet run` launcher when one runs): no shutdown, no last
        // publish, and the outbox rows its relay had claimed keep their lease.
        var (_, pid) = (await ResourceProcessesAsync("ordering", 1))[0];
        Process.GetProcessById(pid).Kill(entireProcessTree: true);
        output.WriteLine($"Killed ordering (pid {pid}) with {unsent} OrderPlaced rows unsent, {load.Accepted.Count} orders accepted.");
        await system.App.ResourceNotifications.WaitForResourceAsync("ordering", KnownResourceStates.TerminalStates);

        await OperatorCommands.StartAgainAsync(system.App, "rabbitmq", output);
        // Only Ordering's relay publishes these rows, and it is dead: the broker being back changes nothing yet.
        Assert.Equal(unsent, await UnsentOrderPlacedAsync(saga));
        await OperatorCommands.StartAgainAsync(system.App, "ordering", output);
        await InjectPoisonAsync();

        await SettleAsync(saga, load, products);
    }

    [Fact]
    public async Task OrderingStoppedGracefully_WhileOrdersFlow_LosesNoAcceptedOrder()
    {
        var (saga, products, load, running) = await StartLoadAsync();
        var ordering = system.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == "ordering");

        // The dashboard's Stop: a graceful shutdown while callers keep placing orders. Kestrel stops taking requests and
        // answers those in flight, the relay and the consumers stop; an order answered 202 must be committed with its event.
        var acceptedBeforeStop = load.Accepted.Count;
        var stop = await system.App.ResourceCommands.ExecuteCommandAsync(ordering, KnownResourceCommands.StopCommand);
        Assert.True(stop.Success, $"Stopping ordering: {stop.Message}");
        // Stopped: the orders in flight through the shutdown are the test; later ones could only be refused.
        load.StopPlacing();
        await running;
        output.WriteLine($"{load.Accepted.Count - acceptedBeforeStop} orders were accepted after the stop began, {load.Refused} refused.");

        await OperatorCommands.StartAgainAsync(system.App, "ordering", output);
        await InjectPoisonAsync();

        await SettleAsync(saga, load, products);
    }

    [Fact]
    public async Task AnInventoryReplicaKilled_WhileOrdersFlow_EveryAcceptedOrderSettles()
    {
        var (saga, products, load, running) = await StartLoadAsync();

        // SIGKILL, not a graceful stop: messages it holds unacknowledged go back to the queue, possibly after its commit.
        var (replica, pid) = (await ResourceProcessesAsync("inventory", 2))[0];
        // The whole tree: where DCP runs a service through `dotnet run`, the service is that process's child.
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

        await OperatorCommands.StopAsync(system.App, "postgres", output);
        // These wait in the services' retry strategies, or fail; only the ones answered 202 count.
        var duringOutage = load.RunAsync(OrdersDuringOutage, Callers);
        await OperatorCommands.StartAgainAsync(system.App, "postgres", output);
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
        await OperatorCommands.StartAgainAsync(system.App, "inventory", output);
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

    /// <summary>
    /// The DCP name and process id of each of a resource's <paramref name="replicas"/> processes, from the resource
    /// snapshots (the notifications replay current state).
    /// </summary>
    private async Task<List<(string Replica, int Pid)>> ResourceProcessesAsync(string resourceName, int replicas)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var processes = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var resourceEvent in system.App.ResourceNotifications.WatchAsync(timeout.Token))
        {
            var pid = resourceEvent.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value;
            if (resourceEvent.Resource.Name == resourceName && pid is not null)
            {
                processes[resourceEvent.ResourceId] = Convert.ToInt32(pid, CultureInfo.InvariantCulture);
                if (processes.Count == replicas)
                {
                    break;
                }
            }
        }

        return [.. processes.Select(r => (r.Key, r.Value))];
    }

    /// <summary>OrderPlaced events Ordering committed that its relay has not yet published.</summary>
    private static Task<long> UnsentOrderPlacedAsync(OrderSagaDriver saga) => saga.QueryScalarAsync<long>("orderingdb",
        "SELECT count(*) FROM outbox_messages WHERE type = 'OrderPlaced' AND sent_at IS NULL");

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
