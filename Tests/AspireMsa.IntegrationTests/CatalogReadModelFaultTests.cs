using Xunit.Abstractions;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// The read model when Redis loses its data or goes away, on a private AppHost: a flushed Redis is refilled from
/// PostgreSQL, a thousand readers of one cold product cause one database load, a cold listing rebuilds its index, and
/// with Redis stopped reads fall back to PostgreSQL and writes wait in the outbox until Redis is back.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class CatalogReadModelFaultTests(FaultSystemFixture system, ITestOutputHelper output) : IDisposable
{
    private const string ReadSourceHeader = "X-Read-Source";
    private const int StampedeAttempts = 5;
    private const int ConcurrentReaders = 1_000;
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Straight to the catalog, without Polly retries that would add requests, or the gateway's Redis-backed rate limiter.</summary>
    private readonly HttpClient _catalog = new(new SocketsHttpHandler { MaxConnectionsPerServer = ConcurrentReaders })
    {
        BaseAddress = system.App.GetEndpoint("catalog-v1", "http"),
        Timeout = TimeSpan.FromMinutes(2),
    };

    [Fact]
    public async Task AfterAFlush_TheFirstReadIsLoadedFromPostgreSql_AndTheNextComesFromRedis()
    {
        var created = await CreateThroughGatewayAsync("Flushed teapot", NewCategory());
        await using var redis = await CatalogReadModelRedis.ConnectAsync(system.App);
        await redis.FlushAllAsync();

        var first = await system.Gateway.GetAsync($"/api/catalog/products/{created.Id}");
        var second = await system.Gateway.GetAsync($"/api/catalog/products/{created.Id}");

        Assert.Equal(("database", "redis"), (ReadSource(first), ReadSource(second)));
        Assert.Equal(created, await first.Content.ReadFromJsonAsync<ProductDto>());
        Assert.Equal(created, await second.Content.ReadFromJsonAsync<ProductDto>());
        Assert.Equal(created.Version, (await redis.ProductAsync(created.Id))!.Version);
    }

    [Fact]
    public async Task AThousandConcurrentReadsOfAColdProduct_CauseOneDatabaseLoad()
    {
        // Open every connection first, so the thousand reads reach the catalog together rather than as connections form.
        await Task.WhenAll(Enumerable.Range(0, ConcurrentReaders).Select(_ => _catalog.GetAsync("/alive")));
        await using var redis = await CatalogReadModelRedis.ConnectAsync(system.App);

        // A quiet machine may answer the first read before the others arrive: then no stampede happened and the burst
        // proves nothing, so it is tried again with another cold product, a bounded number of times.
        for (var burst = 1; burst <= StampedeAttempts; burst++)
        {
            var created = await CreateDirectlyAsync($"Stampede stool {burst}", NewCategory());
            await redis.FlushAllAsync();
            var before = await StatsAsync();

            var reads = await Task.WhenAll(Enumerable.Range(0, ConcurrentReaders).Select(_ => _catalog.GetAsync($"/api/catalog/products/{created.Id}")));

            var after = await StatsAsync();
            // Fallbacks are not asserted: on an overloaded machine some Redis calls exceed their timeout, which is the breaker's business.
            output.WriteLine($"Burst {burst}: {after.Misses - before.Misses} of {ConcurrentReaders} reads missed together; " +
                $"{after.DbLoads - before.DbLoads} database load(s); {after.Fallbacks - before.Fallbacks} fallback(s).");
            Assert.All(reads, read => Assert.Equal(HttpStatusCode.OK, read.StatusCode));
            Assert.Equal(1, after.DbLoads - before.DbLoads);
            if (after.Misses - before.Misses <= 1)
            {
                continue;
            }

            Assert.Contains(reads, read => ReadSource(read) == "database");
            await CatalogReadModelPolling.UntilAsync(
                async () => ReadSource(await GetSucceededAsync($"/api/catalog/products/{created.Id}")) == "redis",
                RecoveryTimeout, "the product is served from Redis after the burst");
            Assert.Equal(created.Version, (await redis.ProductAsync(created.Id))!.Version);
            return;
        }

        Assert.Fail($"No burst of {ConcurrentReaders} reads missed together in {StampedeAttempts} tries: the stampede protection was never exercised.");
    }

    [Fact]
    public async Task ListingOnAnEmptyRedis_RebuildsTheIndexFromPostgreSql_InsteadOfAnsweringEmpty()
    {
        var category = NewCategory();
        foreach (var name in new[] { "Cold b", "Cold c", "Cold a" })
        {
            await CreateThroughGatewayAsync(name, category);
        }

        await using var redis = await CatalogReadModelRedis.ConnectAsync(system.App);
        await redis.FlushAllAsync();

        var first = await system.Gateway.GetAsync($"/api/catalog/products?category={category}&page=2&pageSize=2");
        var second = await system.Gateway.GetAsync($"/api/catalog/products?category={category}&page=2&pageSize=2");
        var everything = await system.Gateway.GetAsync("/api/catalog/products?pageSize=100");

        Assert.Equal(("database", "redis", "database"), (ReadSource(first), ReadSource(second), ReadSource(everything)));
        var page = await first.Content.ReadFromJsonAsync<PageDto>();
        Assert.Equal((3L, "Cold c"), (page!.TotalCount, Assert.Single(page.Items).Name));
        var again = await second.Content.ReadFromJsonAsync<PageDto>();
        Assert.Equal(page.TotalCount, again!.TotalCount);
        Assert.Equal(page.Items, again.Items);
        Assert.True((await everything.Content.ReadFromJsonAsync<PageDto>())!.TotalCount >= 3);
    }

    [Fact]
    public async Task WithRedisStopped_ReadsFallBackToPostgreSql_AndEverythingRecoversWhenItReturns()
    {
        var category = NewCategory();
        var read = await CreateDirectlyAsync("Outage umbrella", category);
        var written = await CreateDirectlyAsync("Outage raincoat", category);
        var fallbacksBefore = (await StatsAsync()).Fallbacks;

        await ExecuteAsync("redis", KnownResourceCommands.StopCommand);
        try
        {
            await CatalogReadModelPolling.UntilAsync(
                async () => ReadSource(await GetSucceededAsync($"/api/catalog/products/{read.Id}")) == "database",
                RecoveryTimeout, "reads fall back to PostgreSQL");
            await CatalogReadModelPolling.UntilAsync(
                async () =>
                {
                    Assert.Equal("database", ReadSource(await GetSucceededAsync($"/api/catalog/products/{read.Id}")));
                    return (await StatsAsync()).RedisCircuit == "Open";
                },
                RecoveryTimeout, "enough failed reads open the breaker, and every read is still answered");
            var list = await _catalog.GetAsync($"/api/catalog/products?category={category}");
            Assert.Equal((HttpStatusCode.OK, "database"), (list.StatusCode, ReadSource(list)));
            Assert.Equal(2, (await list.Content.ReadFromJsonAsync<PageDto>())!.TotalCount);

            var update = await SendDirectlyAsAdminAsync(HttpMethod.Put, $"/api/catalog/products/{written.Id}",
                new { name = written.Name, description = "Changed while Redis was down", price = 30m, category, version = written.Version });
            Assert.Equal(HttpStatusCode.OK, update.StatusCode);
            var stats = await StatsAsync();
            Assert.True(stats.PendingOutbox >= 1, stats.ToString());
            Assert.True(stats.Fallbacks > fallbacksBefore, stats.ToString());
        }
        finally
        {
            await ExecuteAsync("redis", KnownResourceCommands.StartCommand);
        }

        using var healthy = new CancellationTokenSource(RecoveryTimeout);
        await system.App.ResourceNotifications.WaitForResourceHealthyAsync("redis", healthy.Token);
        await CatalogReadModelPolling.UntilAsync(
            async () => ReadSource(await GetSucceededAsync($"/api/catalog/products/{read.Id}")) == "redis",
            RecoveryTimeout, "reads come from Redis again (the breaker half-opened, and its probe closed it)");
        Assert.Equal("Closed", (await StatsAsync()).RedisCircuit);
        await using var redis = await CatalogReadModelRedis.ConnectAsync(system.App);
        await CatalogReadModelPolling.UntilAsync(
            async () => (await redis.ProductAsync(written.Id))?.Version == written.Version + 1,
            RecoveryTimeout, "the relay applied the update made while Redis was down");
        await CatalogReadModelPolling.UntilAsync(
            async () => (await StatsAsync()).PendingOutbox == 0, RecoveryTimeout, "the outbox is empty");
        Assert.Equal("Changed while Redis was down", (await redis.ProductAsync(written.Id))!.Document!.Description);
    }

    public void Dispose() => _catalog.Dispose();

    private static string NewCategory() => $"rm-fault-{Guid.NewGuid():N}";

    private static string? ReadSource(HttpResponseMessage response) =>
        response.Headers.TryGetValues(ReadSourceHeader, out var values) ? string.Join(",", values) : null;

    private async Task<HttpResponseMessage> GetSucceededAsync(string path)
    {
        var response = await _catalog.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    /// <summary>This process's own counters, read straight from catalog-v1 as the admin (the service checks the role itself).</summary>
    private async Task<CatalogReadModelStats> StatsAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalog/admin/read-model/stats");
        request.Headers.Authorization = new("Bearer", await system.TokenAsync("admin"));
        using var response = await _catalog.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CatalogReadModelStats>())!;
    }

    private async Task ExecuteAsync(string resource, string command)
    {
        var result = await system.App.ResourceCommands.ExecuteCommandAsync(resource, command);
        Assert.True(result.Success, $"{command} on {resource}: {result.Message}");
    }

    private async Task<ProductDto> CreateThroughGatewayAsync(string name, string category)
    {
        var admin = await system.GatewayAsAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/catalog/products", new { name, description = "", price = 10m, category });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ProductDto>())!;
    }

    private async Task<ProductDto> CreateDirectlyAsync(string name, string category)
    {
        var response = await SendDirectlyAsAdminAsync(HttpMethod.Post, "/api/catalog/products", new { name, description = "", price = 10m, category });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ProductDto>())!;
    }

    /// <summary>Straight to the catalog, past the gateway: the service checks the admin's token itself.</summary>
    private async Task<HttpResponseMessage> SendDirectlyAsAdminAsync(HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", await system.TokenAsync("admin"));
        return await _catalog.SendAsync(request);
    }
}
