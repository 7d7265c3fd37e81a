using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// Redis frozen (SIGSTOP) or stopped under a running system, seen from the gateway's public address: catalog reads come
/// from PostgreSQL, tokens are issued, <c>/health</c> says Degraded, both gateway replicas live on with per-replica rate
/// limits, and once Redis is back the limits are shared across replicas again.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class GatewayRedisOutageTests(FaultSystemFixture system)
{
    private const int TokenBudget = 10;

    // Longer than StackExchange.Redis's 5 s timeout and the ~20 s after which a throwing canary sync once stopped the gateway.
    private static readonly TimeSpan OutageDuration = TimeSpan.FromSeconds(30);

    // The gateway's own budgets: 15 s for a catalog route, 15 s for the token endpoint.
    private static readonly TimeSpan NormalTimeout = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData("frozen")]
    [InlineData("stopped")]
    public async Task WithRedisDown_TheGatewayServesFromTheDatabase_IssuesTokens_SaysDegraded_AndLimitsEachReplica(string outage)
    {
        var gateways = await ServiceProcesses.PidsAsync(system.App, new Dictionary<string, int> { ["gateway"] = 2 });
        var replicas = await GatewayReplicas.DirectAddressesAsync(system.App);
        using var publicClient = new HttpClient { BaseAddress = system.Gateway.BaseAddress, Timeout = NormalTimeout };
        // Watched from before the outage: a busy gateway's log backlog would have lost the lines by the time they are checked.
        var wentDown = DateTimeOffset.UtcNow;
        var turnedLocal = LoggedSinceAsync("Shared rate limits unavailable", wentDown, TimeSpan.FromMinutes(2));
        var sharedAgain = LoggedSinceAsync("Shared rate limits are back", wentDown, TimeSpan.FromMinutes(5));
        var restore = await TakeRedisDownAsync(outage);
        try
        {
            // Reads all through the outage; a token at its start and its end (the token budget is ten a minute).
            await AssertTokenIssuedAsync(publicClient);
            var down = Stopwatch.StartNew();
            do
            {
                using var products = await publicClient.GetAsync("/api/catalog/products");
                Assert.Equal(HttpStatusCode.OK, products.StatusCode);
            }
            while (down.Elapsed < OutageDuration);

            await AssertTokenIssuedAsync(publicClient);

            Assert.True(await Polling.UntilAsync(
                async () => ReadSource(await publicClient.GetAsync("/api/catalog/products")) == "database", NormalTimeout),
                "Catalog reads did not come from the database.");
            Assert.True(await Polling.UntilAsync(async () => await HealthAsync(publicClient) == "Degraded", NormalTimeout),
                $"The gateway's /health said {await HealthAsync(publicClient)}, not Degraded.");
            Assert.Empty(ServiceProcesses.Exited(gateways));

            // Each replica now counts on its own: one replica alone stops the eleventh attempt.
            using var oneReplica = LoopbackSourceClient.Create(IPAddress.Loopback, replicas[0]);
            var local = await TokenAttemptsAsync([oneReplica], $"local-{Guid.NewGuid():N}", TokenBudget + 1);
            Assert.Equal(HttpStatusCode.TooManyRequests, local[TokenBudget]);
            Assert.True(await turnedLocal, "The gateway did not log that its limits turned local.");
        }
        finally
        {
            await restore();
        }

        // Redis back: a breaker closes on the first limited request after its break, so requests keep coming to both
        // replicas until one logs it; then attempts spread over both replicas share one budget again.
        using var first = LoopbackSourceClient.Create(IPAddress.Loopback, replicas[0]);
        using var second = LoopbackSourceClient.Create(IPAddress.Loopback, replicas[1]);
        Assert.True(await Polling.UntilAsync(async () =>
        {
            foreach (var replica in new[] { first, second })
            {
                using var _ = await replica.GetAsync("/api/catalog/products");
            }

            return sharedAgain.IsCompleted && await sharedAgain;
        }, TimeSpan.FromMinutes(2)), "No gateway replica went back to the shared limits.");
        HttpStatusCode[] shared = [];
        Assert.True(await Polling.UntilAsync(async () =>
        {
            // Until both replicas closed their breaker, a fresh user is tried again.
            shared = await TokenAttemptsAsync([first, second], $"shared-{Guid.NewGuid():N}", TokenBudget + 1);
            return shared[TokenBudget] == HttpStatusCode.TooManyRequests;
        }, TimeSpan.FromSeconds(60)), $"Attempts spread over both replicas were not limited together: {string.Join(", ", shared)}.");
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, shared[..TokenBudget]);
        Assert.Empty(ServiceProcesses.Exited(gateways));
    }

    /// <summary>
    /// Whether a gateway replica logged <paramref name="text"/> since <paramref name="since"/>: each line starts with its
    /// timestamp, and the replayed backlog may still hold the same line from an earlier outage.
    /// </summary>
    private async Task<bool> LoggedSinceAsync(string text, DateTimeOffset since, TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        var loggers = system.App.Services.GetRequiredService<ResourceLoggerService>();
        var watches = (await ResourceInstances.IdsAsync(system.App, "gateway", timeout.Token)).Select(async instance =>
        {
            await foreach (var batch in loggers.WatchAsync(instance).WithCancellation(timeout.Token))
            {
                if (batch.Any(line => line.Content.Contains(text, StringComparison.Ordinal)
                    && DateTimeOffset.TryParse(line.Content.Split(' ', 2)[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                    && at >= since))
                {
                    return true;
                }
            }

            return false;
        }).ToList();
        try
        {
            while (watches.Count > 0)
            {
                var done = await Task.WhenAny(watches);
                if (await done)
                {
                    return true;
                }

                watches.Remove(done);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            await timeout.CancelAsync();
        }

        return false;
    }

    private async Task<Func<Task>> TakeRedisDownAsync(string outage)
    {
        if (outage == "frozen")
        {
            var redis = (await ServiceProcesses.PidsAsync(system.App, new Dictionary<string, int> { ["redis"] = 1 })).Values.Single();
            ProcessSignals.Freeze(redis);
            return () =>
            {
                ProcessSignals.Thaw(redis);
                return Task.CompletedTask;
            };
        }

        await ExecuteAsync(KnownResourceCommands.StopCommand);
        return async () =>
        {
            await ExecuteAsync(KnownResourceCommands.StartCommand);
            using var healthy = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await system.App.ResourceNotifications.WaitForResourceHealthyAsync("redis", healthy.Token);
        };
    }

    private async Task ExecuteAsync(string command)
    {
        var result = await system.App.ResourceCommands.ExecuteCommandAsync("redis", command);
        Assert.True(result.Success, $"{command} on redis: {result.Message}");
    }

    private static async Task AssertTokenIssuedAsync(HttpClient client)
    {
        using var token = await DemoUserTokens.PasswordGrantAsync(client, "bob", SystemFixture.DemoUserPassword, "openid catalog");
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }

    private static string? ReadSource(HttpResponseMessage response)
    {
        using (response)
        {
            return response.Headers.TryGetValues("X-Read-Source", out var values) ? string.Join(",", values) : null;
        }
    }

    private static async Task<string> HealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync();
        return body.Contains("\"Degraded\"", StringComparison.Ordinal) || body.Trim() == "Degraded" ? "Degraded" : $"{(int)response.StatusCode} {body}";
    }

    /// <summary>Wrong-password token requests for one username, sent round-robin over the clients.</summary>
    private static async Task<HttpStatusCode[]> TokenAttemptsAsync(HttpClient[] clients, string username, int attempts)
    {
        var statuses = new HttpStatusCode[attempts];
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            using var response = await DemoUserTokens.PasswordGrantAsync(clients[attempt % clients.Length], username, "not-the-password", "openid");
            statuses[attempt] = response.StatusCode;
        }

        return statuses;
    }
}
