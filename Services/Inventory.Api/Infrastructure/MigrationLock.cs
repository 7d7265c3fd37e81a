using Npgsql;

namespace AspireMsa.Inventory.Api.Infrastructure;

/// <summary>
/// Makes the replicas of this service migrate one at a time: each holds a PostgreSQL advisory lock from before the
/// first hosted service starts (the migration among them) until all have started. EF Core's own migration lock does
/// not stop a replica from applying a migration it listed as pending before another replica applied it.
/// </summary>
public sealed class MigrationLock(IConfiguration configuration, string databaseName) : IHostedLifecycleService, IAsyncDisposable
{
    private NpgsqlConnection? _connection;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        _connection = new NpgsqlConnection(configuration.GetConnectionString(databaseName));
        await _connection.OpenAsync(cancellationToken);
        // Session-level: a replica that dies while holding it releases it with its connection.
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(hashtext(@name))", _connection);
        command.Parameters.AddWithValue("name", $"{databaseName} migrations");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartedAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }
}
