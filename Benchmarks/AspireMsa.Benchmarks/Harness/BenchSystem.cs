using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AspireMsa.Benchmarks.Harness;

/// <summary>
/// The real AppHost in LocalProcesses mode, started the way the integration tests start it (Aspire.Hosting.Testing),
/// configured the way the benchmark needs: rate limits on but high enough never to reject, no telemetry exporter, and
/// no streaming of every resource's log lines into this process.
/// </summary>
public sealed class BenchSystem : IAsyncDisposable
{
    public const string DemoUserPassword = "Benchmark-Pa55word-0000";
    public const string AdminPassword = "Benchmark-Admin-Pa55word-0000";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    private readonly DistributedApplication _app;

    private BenchSystem(DistributedApplication app, ColdStart coldStart, string environmentName)
    {
        _app = app;
        ColdStart = coldStart;
        EnvironmentName = environmentName;
        Tokens = new DemoUserTokens(GatewayUrl, DemoUserPassword, AdminPassword);
    }

    public ColdStart ColdStart { get; }

    public string EnvironmentName { get; }

    public DemoUserTokens Tokens { get; }

    public Uri GatewayUrl => Loopback(_app.GetEndpoint("gateway", "http"));

    public Uri CatalogV1Url => Loopback(_app.GetEndpoint("catalog-v1", "http"));

    public static async Task<BenchSystem> StartAsync(BenchOptions options)
    {
        using var cts = new CancellationTokenSource(StartTimeout);
        var watch = Stopwatch.StartNew();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [
                $"Parameters:demo-user-password={DemoUserPassword}",
                $"Parameters:admin-password={AdminPassword}",
                "BackingServices:Mode=LocalProcesses",
                // As deployed: no development-only middleware, fault injection off; but the measures sign in as demo users.
                "--environment=Production",
                "DemoUsers:Enabled=true",
            ],
            (appOptions, _) => appOptions.DisableDashboard = true,
            cts.Token);
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            // A failed readiness probe while services start on a busy machine is expected; the start timeout reports real failures.
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.Critical));

        // Aspire.Hosting.Testing streams every resource's log lines into this process; a run of `dotnet run` does not
        // unless a dashboard page is watching. The services still write their logs (DCP keeps them).
        var forwarder = builder.Services.FirstOrDefault(d =>
            d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "ResourceLoggerForwarderService");
        if (forwarder is not null)
        {
            builder.Services.Remove(forwarder);
        }

        // Limits stay on (every request is still counted in Redis) but high enough that no benchmark request is refused.
        var gateway = builder.CreateResourceBuilder<ProjectResource>("gateway");
        gateway.WithEnvironment("RateLimiting__PerUser__PermitLimit", "1000000000");
        gateway.WithEnvironment("RateLimiting__PerAnonymousClient__PermitLimit", "1000000000");
        // The saturated saga run keeps thousands of one customer's orders pending at once; the per-buyer cap is for abuse.
        builder.CreateResourceBuilder<ProjectResource>("ordering").WithEnvironment("OrderLimits__MaxPendingOrdersPerBuyer", "1000000");

        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            // No dashboard to receive telemetry: without an endpoint the exporters stay off instead of retrying.
            builder.CreateResourceBuilder(project).WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", string.Empty);
        }

        foreach (var (resource, name, value) in options.EnvironmentOverrides)
        {
            var target = builder.Resources.OfType<IResourceWithEnvironment>().Single(r => r.Name == resource);
            builder.CreateResourceBuilder(target).WithEnvironment(name, value);
        }

        // Every resource that runs, and every database; not the hidden rebuilders that only run on a rebuild command.
        var awaited = builder.Resources
            .Where(r => r is ProjectResource or ExecutableResource or ContainerResource or IResourceWithConnectionString)
            .Where(r => r.GetType().Name != "ProjectRebuilderResource")
            .Select(r => r.Name)
            .ToList();
        var environmentName = builder.Environment.EnvironmentName;

        var app = await builder.BuildAsync(cts.Token);
        // Watch before starting: StartAsync itself returns only once the backing services are up.
        var healthy = Task.WhenAll(awaited.Select(async name =>
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(name, cts.Token);
            return (name, watch.Elapsed);
        }));
        await app.StartAsync(cts.Token);
        var healthyAt = await healthy;

        var coldStart = new ColdStart(watch.Elapsed, healthyAt.OrderBy(r => r.Elapsed).Select(r => new ResourceHealthy(r.name, r.Elapsed)).ToList());
        return new BenchSystem(app, coldStart, environmentName);
    }

    /// <summary>
    /// Where one replica of <paramref name="resource"/> really listens, behind the local proxy DCP puts in front of every
    /// service endpoint: read from the port the orchestrator gave the process (its ASPNETCORE_URLS). Null if not found.
    /// </summary>
    public async Task<Uri?> ReplicaUrlAsync(string resource)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await foreach (var update in _app.ResourceNotifications.WatchAsync(cts.Token))
            {
                if (update.Resource.Name != resource)
                {
                    continue;
                }

                var urls = update.Snapshot.EnvironmentVariables.FirstOrDefault(v => v.Name is "ASPNETCORE_URLS" or "ASPNETCORE_HTTP_PORTS" or "HTTP_PORTS")?.Value;
                var port = urls?.Split(';', ',')[0].Split(':')[^1].Trim('/');
                if (int.TryParse(port, System.Globalization.CultureInfo.InvariantCulture, out var number) && number > 0)
                {
                    return new Uri($"http://127.0.0.1:{number.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
                }

                Console.WriteLine($"  {update.ResourceId}: no listening port in its environment ({string.Join(", ", update.Snapshot.EnvironmentVariables.Select(v => v.Name))})");
            }
        }
        catch (OperationCanceledException)
        {
        }

        return null;
    }

    public async Task<HttpClient> SignedInGatewayClientAsync(string user, int maxConnections)
    {
        var client = NewClient(GatewayUrl, maxConnections);
        client.DefaultRequestHeaders.Authorization = new("Bearer", await Tokens.GetAsync(user));
        return client;
    }

    public static HttpClient NewClient(Uri baseAddress, int maxConnections) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = maxConnections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

    public async Task ExecuteCommandAsync(string resource, string command)
    {
        var result = await _app.ResourceCommands.ExecuteCommandAsync(resource, command);
        if (!result.Success)
        {
            throw new InvalidOperationException($"{command} on {resource} failed: {result.Message}");
        }
    }

    public async Task<NpgsqlConnection> OpenDatabaseAsync(string database)
    {
        var connection = new NpgsqlConnection(await _app.GetConnectionStringAsync(database));
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Everything listens on the loopback address; naming it avoids a failed IPv6 attempt per new connection.</summary>
    private static Uri Loopback(Uri endpoint) => new UriBuilder(endpoint) { Host = "127.0.0.1" }.Uri;
}
