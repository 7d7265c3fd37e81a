using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// Starts the real AppHost once per test collection: PostgreSQL, Redis and RabbitMQ as local processes (containers where
/// a runtime answers), every service and the gateway, and waits until each resource reports healthy. The store starts
/// empty (no demo data), so tests see only what they create; <see cref="FirstRunFixture"/> turns the loader on.
/// A derived fixture may give the projects an OTLP endpoint to export their telemetry to (<see cref="TelemetryEndpoint"/>).
/// </summary>
public class SystemFixture : IAsyncLifetime
{
    public const string DemoUserPassword = "Integration-Tests-Pa55word";
    public const string AdminPassword = "Integration-Tests-Admin-Pa55word";
    public const string KeyEncryptionKey = "Integration-Tests-Key-Encryption-Key-0123456789";
    public const string StorefrontClientSecret = "Integration-Tests-Storefront-Client-Secret";
    public const string LegacyApiKey = "Integration-Tests-Legacy-Api-Key-0123456789";
    public const string LegacyClientSecret = "Integration-Tests-Legacy-Client-Secret";
    public const string AnalyticsCustomerKey = "Integration-Tests-Analytics-Customer-Key";
    public const string FrontEndOrigin = "http://localhost:5173";

    /// <summary>The one proxy the gateway believes X-Forwarded-For from; tests connect from it on purpose (ForwardedClientAddressTests).</summary>
    public const string TrustedProxyAddress = "127.0.0.2";

    /// <summary>Above the load tests' pending orders (one customer, up to 140 while the broker is away).</summary>
    public const int MaxPendingOrdersPerBuyer = 500;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);
    private static readonly SemaphoreSlim StartGate = new(1);

    private static readonly string[] Resources =
        ["postgres", "identitydb", "catalogdb", "orderingdb", "inventorydb", "redis", "rabbitmq", "identity", "catalog-v1", "catalog-v2", "ordering", "inventory", "gateway"];

    private readonly DemoUserTokens _tokens = new(DemoUserPassword, AdminPassword);
    private readonly ConcurrentDictionary<string, HttpClient> _signedInClients = new();
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The system is not started.");

    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>Whether the optional storefront runs (<c>Capabilities:Storefront:Enabled</c>).</summary>
    protected virtual bool StorefrontEnabled => true;

    /// <summary>Whether the optional analytics capability runs (<c>Capabilities:Analytics:Enabled</c>).</summary>
    protected virtual bool AnalyticsEnabled => true;

    /// <summary>Whether the optional legacy XML interface runs (<c>Capabilities:Legacy:Enabled</c>).</summary>
    protected virtual bool LegacyEnabled => true;

    /// <summary>Whether the AppHost's one-shot <c>demo-data</c> resource stocks the store (<c>DemoData:Enabled</c>).</summary>
    protected virtual bool DemoDataEnabled => false;

    /// <summary>This system's folder of local-server data (each server works in its own subfolder), one per system.</summary>
    public string RunDirectory =>
        Path.GetDirectoryName(App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ExecutableResource>()
            .Single(resource => resource.Name == "redis").WorkingDirectory)!;

    /// <summary>The analytics lake's root: the folder the AppHost gives it under the run's data.</summary>
    public string LakeRoot => Path.Combine(RunDirectory, "analytics-lake");

    /// <summary>
    /// Whether token pruning and outbox/inbox purges run every second, for the shared system's tests that wait for them.
    /// Rounds every second in every process cost the CPU that systems running beside this one need, so a system none of
    /// whose tests waits for them runs them at their normal pace.
    /// </summary>
    protected virtual bool QuickPurges => true;

    /// <summary>The OTLP/HTTP endpoint every project exports to; none by default.</summary>
    protected virtual Uri? TelemetryEndpoint => null;

    public virtual async Task InitializeAsync()
    {
        // Systems run side by side but start one at a time: a start is CPU-bound (eight services compiling and migrating),
        // and two or three together on a 2-core machine take longer than the same starts in turn.
        await StartGate.WaitAsync();
        try
        {
            await StartAsync();
        }
        finally
        {
            StartGate.Release();
        }
    }

    private async Task StartAsync()
    {
        using var cts = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [
                $"Parameters:demo-user-password={DemoUserPassword}",
                $"Parameters:admin-password={AdminPassword}",
                $"Parameters:identity-key-encryption-key={KeyEncryptionKey}",
                $"Parameters:storefront-client-secret={StorefrontClientSecret}",
                $"Parameters:legacy-api-key={LegacyApiKey}",
                $"Parameters:legacy-client-secret={LegacyClientSecret}",
                $"Parameters:analytics-customer-key={AnalyticsCustomerKey}",
                $"Gateway:Settings:Cors:FrontEndOrigins:0={FrontEndOrigin}",
                $"DemoData:Enabled={DemoDataEnabled}",
                $"Capabilities:Storefront:Enabled={StorefrontEnabled}",
                $"Capabilities:Analytics:Enabled={AnalyticsEnabled}",
                $"Capabilities:Legacy:Enabled={LegacyEnabled}",
            ],
            (options, _) => options.DisableDashboard = true,
            cts.Token);
        // Resource logs are forwarded to the test's loggers as AppHost.Resources.* at Information (stdout) or Error
        // (stderr); the AppHost's appsettings.json would forward them all, hundreds of thousands of lines a run.
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning)
            .AddFilter("AppHost.Resources", LogLevel.Warning)
            .AddFilter("System.Net.Http", LogLevel.Warning));

        // Many tests share one client IP; only the token endpoint keeps its default limit, which a test checks.
        var gateway = builder.CreateResourceBuilder<ProjectResource>("gateway");
        gateway.WithEnvironment("RateLimiting__PerUser__PermitLimit", "1000000");
        gateway.WithEnvironment("RateLimiting__PerAnonymousClient__PermitLimit", "1000000");
        gateway.WithEnvironment("Gateway__ForwardedHeaders__KnownProxies__0", TrustedProxyAddress);

        builder.CreateResourceBuilder<ProjectResource>("ordering")
            .WithEnvironment("OrderLimits__MaxPendingOrdersPerBuyer", MaxPendingOrdersPerBuyer.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // The storefront refreshes a session's access token once it is 10 s old (of 15 min), so a browser test sees a
        // silent refresh happen within its time.
        if (StorefrontEnabled)
        {
            builder.CreateResourceBuilder<ProjectResource>("storefront").WithEnvironment("Oidc__RefreshBeforeExpiry", "00:14:50");
        }

        // All catalog traffic to v1 unless a test pins v2 or sets a weight: the canary tests run in their own collections.
        gateway.WithEnvironment("Canary__Releases__catalog__InitialCanaryWeight", "0");

        // A service's first query compiles and JITs for seconds on a loaded machine; the BFF budgets are for warm services.
        gateway.WithEnvironment("Bff__CatalogTimeout", "00:00:10");
        gateway.WithEnvironment("Bff__InventoryTimeout", "00:00:10");
        gateway.WithEnvironment("Bff__OrderingTimeout", "00:00:10");

        // Key rotation within a test's time: identity publishes a new key 20 s ahead and every validator refetches every 2 s,
        // which also has the keys at hand before a system's first authenticated request.
        var identity = builder.CreateResourceBuilder<ProjectResource>("identity")
            .WithEnvironment("Tokens__KeyPublishLeadTime", "00:00:20")
            .WithEnvironment("Tokens__KeyRefreshInterval", "00:00:05");
        string[] validators = ["gateway", "catalog-v1", "catalog-v2", "ordering", "inventory"];
        foreach (var validator in AnalyticsEnabled ? [.. validators, "analytics"] : validators)
        {
            builder.CreateResourceBuilder<ProjectResource>(validator).WithEnvironment("Identity__SigningKeyRefreshInterval", "00:00:02");
        }

        if (QuickPurges)
        {
            // The token-pruning test back-dates tokens and waits for a pruning round.
            identity.WithEnvironment("TokenPruning__Interval", "00:00:01");
        }

        // The dashboard is off, yet services would still export telemetry to it and retry for ~14 s at shutdown, longer
        // than DCP waits for a stop: no endpoint, no exporter, and stop/start commands work promptly. A fixture that
        // receives the telemetry itself names its endpoint, which answers at once.
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            var resource = builder.CreateResourceBuilder(project)
                .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", TelemetryEndpoint?.ToString() ?? string.Empty);
            if (QuickPurges)
            {
                // The retention tests back-date rows and wait for a purge round.
                resource.WithEnvironment("EventBus__RetentionInterval", "00:00:01");
            }

            if (TelemetryEndpoint is not null)
            {
                resource.WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
            }
        }

        _app = await builder.BuildAsync(cts.Token);
        await _app.StartAsync(cts.Token);

        string[] resources =
        [
            .. Resources,
            .. StorefrontEnabled ? ["storefront"] : Array.Empty<string>(),
            .. AnalyticsEnabled ? ["analyticsdb", "analytics"] : Array.Empty<string>(),
            .. LegacyEnabled ? ["legacydb", "legacy-adapter"] : Array.Empty<string>(),
        ];
        foreach (var resource in resources)
        {
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource, cts.Token);
        }

        // A stocked store before the first test, and no loader traffic in what the tests measure.
        if (DemoDataEnabled)
        {
            await _app.ResourceNotifications.WaitForResourceAsync("demo-data", KnownResourceStates.TerminalStates, cts.Token);
        }

        Gateway = _app.CreateHttpClient("gateway", "http");
        if (StorefrontEnabled)
        {
            await WaitForTheStoreAsync(cts.Token);
        }
    }

    /// <summary>
    /// Healthy replicas are not yet a store that serves: the first page through the gateway renders cold (the storefront's
    /// first render, its first calls back through the gateway to the catalog). The first browser test must not pay that
    /// under its own expectations, so the system is ready when the public address serves the store's home page.
    /// </summary>
    private async Task WaitForTheStoreAsync(CancellationToken cancellationToken)
    {
        var last = "no answer yet";
        var served = await Polling.UntilAsync(async () =>
        {
            try
            {
                using var response = await Gateway.GetAsync("/", cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                last = $"{(int)response.StatusCode}: {body[..Math.Min(body.Length, 400)]}";
                return response.IsSuccessStatusCode && body.Contains("data-testid=\"sign-in\"", StringComparison.Ordinal);
            }
            catch (HttpRequestException exception)
            {
                last = exception.Message;
                return false;
            }
        }, TimeSpan.FromMinutes(1));
        if (!served)
        {
            throw new InvalidOperationException($"The gateway did not serve the store's home page within a minute; last answer {last}");
        }
    }

    /// <summary>A gateway client signed in as a demo user (password grant of the <c>aspiremsa-cli</c> client).</summary>
    public async Task<HttpClient> GatewayAsAsync(string user, string scopes = DemoUserTokens.AllApiScopes)
    {
        var token = await _tokens.GetAsync(Gateway, user, scopes);
        return _signedInClients.GetOrAdd(token, _ =>
        {
            var client = App.CreateHttpClient("gateway", "http");
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
            return client;
        });
    }

    public Task<string> TokenAsync(string user, string scopes = DemoUserTokens.AllApiScopes) => _tokens.GetAsync(Gateway, user, scopes);

    public async Task<NpgsqlConnection> OpenDatabaseAsync(string database)
    {
        var connection = new NpgsqlConnection(await App.GetConnectionStringAsync(database));
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Hands the system's stop to <see cref="SystemStops"/>, so the collection's slot is free at once.</summary>
    public Task DisposeAsync()
    {
        Gateway?.Dispose();
        foreach (var client in _signedInClients.Values)
        {
            client.Dispose();
        }

        SystemStops.Add(StopAsync());
        return Task.CompletedTask;
    }

    /// <summary>What the fixture still owns once its system has stopped (it runs as the last step of the stop).</summary>
    protected virtual Task AfterStopAsync() => Task.CompletedTask;

    private async Task StopAsync()
    {
        if (_app is not null)
        {
            // PostgreSQL stops with a smart shutdown, which waits for every session to end: the test host's idle pooled
            // connections would hold it until the orchestrator gave up and killed it.
            NpgsqlConnection.ClearAllPools();
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await AfterStopAsync();
    }
}
