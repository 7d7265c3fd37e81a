using System.Diagnostics;
using Xunit.Abstractions;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// Each backing service frozen (SIGSTOP, the whole process tree) for longer than every timeout the services wait on it,
/// then thawed: every service process is still running, and within 10 s of the thaw the system serves a catalog read,
/// a token, and an order placed and decided. Background services (relays, sweepers, syncs, monitors) must have caught
/// their failures meanwhile rather than stopped their host.
/// </summary>
[Collection(FirstRunCollection.Name)]
public sealed class BackingServiceFreezeTests(FirstRunFixture system, ITestOutputHelper output)
{
    // Longer than Npgsql's 30 s command timeout, RabbitMQ's 20 s continuation timeout, StackExchange.Redis's 5 s timeout,
    // the gateway's 15 s route timeouts and the ~20 s after which a throwing background service once stopped its host.
    private static readonly TimeSpan FreezeDuration = TimeSpan.FromSeconds(35);
    private static readonly TimeSpan ServingDeadline = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("postgres", "alice")]
    [InlineData("redis", "bob")]
    [InlineData("rabbitmq", "ana")]
    public async Task FreezingABackingService_LeavesEveryServiceRunning_AndTheSystemServesWithin10sOfTheThaw(string backingService, string tokenUser)
    {
        // Tokens and stock before the freeze: only the serving after the thaw is measured.
        var saga = await OrderSagaDriver.ForAsync(system);
        var productId = Guid.NewGuid();
        await saga.SetStockAsync(productId, 100);
        using var anonymous = new HttpClient { BaseAddress = system.Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
        var services = await ServiceProcesses.PidsAsync(system.App, ServiceProcesses.ServiceReplicasIn(system.App));
        var server = (await ServiceProcesses.PidsAsync(system.App, new Dictionary<string, int> { [backingService] = 1 })).Values.Single();
        var tree = ServiceProcesses.Tree(server);

        ProcessSignals.Freeze(server);
        ServiceProcesses.SignalQuietly("-STOP", tree.Skip(1));
        try
        {
            // Catalog reads through the freeze, so the services meet the hung server; they may fail, but not stop anything.
            var frozen = Stopwatch.StartNew();
            var (answered, failed) = (0, 0);
            do
            {
                try
                {
                    using var read = await anonymous.GetAsync("/api/catalog/products");
                    (answered, failed) = read.IsSuccessStatusCode ? (answered + 1, failed) : (answered, failed + 1);
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    failed++;
                }
            }
            while (frozen.Elapsed < FreezeDuration);

            output.WriteLine($"{backingService} frozen for {frozen.Elapsed}: {answered} catalog reads answered, {failed} failed.");
        }
        finally
        {
            ServiceProcesses.SignalQuietly("-CONT", tree.Skip(1));
            ProcessSignals.Thaw(server);
        }

        var thawed = Stopwatch.StartNew();
        await ServesWithinAsync("a catalog read", thawed, async () =>
        {
            using var read = await anonymous.GetAsync("/api/catalog/products");
            return read.StatusCode == HttpStatusCode.OK;
        });
        await ServesWithinAsync("a token", thawed, async () =>
        {
            using var token = await DemoUserTokens.PasswordGrantAsync(anonymous, tokenUser, SystemFixture.DemoUserPassword, "openid catalog");
            return token.StatusCode == HttpStatusCode.OK;
        });
        Guid? orderId = null;
        await ServesWithinAsync("an order placed and decided", thawed, async () =>
        {
            if (orderId is null)
            {
                using var placed = await saga.PostOrderAsync([(productId, 1)]);
                orderId = placed.StatusCode == HttpStatusCode.Accepted ? (await placed.Content.ReadFromJsonAsync<OrderSagaDriver.OrderAcceptedDto>())!.Id : null;
            }

            return orderId is { } id && (await saga.GetOrderAsync(id))?.Status == "Confirmed";
        });
        output.WriteLine($"Serving again {thawed.Elapsed} after the thaw.");
        Assert.Empty(ServiceProcesses.Exited(services));
    }

    private static async Task ServesWithinAsync(string what, Stopwatch sinceThaw, Func<Task<bool>> serves)
    {
        var remaining = ServingDeadline - sinceThaw.Elapsed;
        var served = remaining > TimeSpan.Zero && await Polling.UntilAsync(async () =>
        {
            try
            {
                return await serves();
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, remaining);
        Assert.True(
            served && sinceThaw.Elapsed <= ServingDeadline,
            $"No {what} within {ServingDeadline.TotalSeconds:0} s of the thaw ({sinceThaw.Elapsed} passed).");
    }
}
