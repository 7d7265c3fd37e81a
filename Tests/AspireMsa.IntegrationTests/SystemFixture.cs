using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// Starts the real AppHost once per test collection: PostgreSQL, Redis and RabbitMQ as local processes (containers where
/// a runtime answers), every service and the gateway, and waits until each resource reports healthy.
/// </summary>
public sealed class SystemFixture : IAsyncLifetime
{
    public const string DemoUserPassword = "Integration-Tests-Pa55word";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    private static readonly string[] Resources =
        ["postgres", "identitydb", "catalogdb", "orderingdb", "inventorydb", "redis", "rabbitmq", "identity", "catalog", "ordering", "inventory", "gateway"];

    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The system is not started.");

    public HttpClient Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var cts = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [$"Parameters:demo-user-password={DemoUserPassword}"],
            (options, _) => options.DisableDashboard = true,
            cts.Token);
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));

        _app = await builder.BuildAsync(cts.Token);
        await _app.StartAsync(cts.Token);

        foreach (var resource in Resources)
        {
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource, cts.Token);
        }

        Gateway = _app.CreateHttpClient("gateway", "http");
    }

    public async Task<NpgsqlConnection> OpenDatabaseAsync(string database)
    {
        var connection = new NpgsqlConnection(await App.GetConnectionStringAsync(database));
        await connection.OpenAsync();
        return connection;
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
