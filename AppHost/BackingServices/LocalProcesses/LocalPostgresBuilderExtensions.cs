using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AspireMsa.AppHost.BackingServices.LocalProcesses;

public static class LocalPostgresBuilderExtensions
{
    // initdb once per data folder, then exec so DCP's stop signal reaches the postmaster itself.
    private const string StartScript = """
        set -eu
        bin="$1"; data="$2"; port="$3"
        if [ ! -s "$data/PG_VERSION" ]; then
          pwfile="$(mktemp)"
          printf '%s\n' "$POSTGRES_BOOTSTRAP_PASSWORD" > "$pwfile"
          "$bin/initdb" -D "$data" -U postgres -E UTF8 --auth=scram-sha-256 --pwfile="$pwfile" --no-instructions
          rm -f "$pwfile"
        fi
        exec "$bin/postgres" -D "$data" -p "$port" -k "$data" -c listen_addresses=127.0.0.1 -c max_connections=300
        """;

    public static IResourceBuilder<LocalPostgresServerResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, string name, RunDataDirectory dataDirectory)
    {
        var binDirectory = OsPackageBinaries.PostgresBinDirectory();
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);

        // PostgreSQL refuses to run as root: hand the process to the 'postgres' user with setpriv, which execs, so
        // signals still reach the server. Its folder is then that user's.
        var runsAsRoot = Environment.IsPrivilegedProcess;
        var serverDirectory = dataDirectory.ForServer(name, owner: runsAsRoot ? LocalPostgresServerResource.UserName : null);
        var command = runsAsRoot ? "setpriv" : "/bin/sh";
        var server = new LocalPostgresServerResource(name, command, serverDirectory, password);

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(server, async (_, ct) =>
            connectionString = await server.ConnectionStringExpression.GetValueAsync(ct).ConfigureAwait(false));
        builder.Eventing.Subscribe<ResourceReadyEvent>(server, async (@event, ct) =>
        {
            await CreateDatabasesAsync(server, connectionString ?? throw new InvalidOperationException("Connection string is unavailable"), ct)
                .ConfigureAwait(false);
            await MarkDatabasesRunningAsync(builder, server, @event.Services, ct).ConfigureAwait(false);
        });

        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().AddNpgSql(
            _ => (connectionString ?? throw new InvalidOperationException("Connection string is unavailable")) + ";Database=postgres",
            name: healthCheckKey);

        return builder.AddResource(server)
            .WithEndpoint(name: LocalPostgresServerResource.PrimaryEndpointName, scheme: "tcp", isProxied: false)
            .WithArgs(context =>
            {
                if (runsAsRoot)
                {
                    foreach (var arg in new[] { "--reuid", "postgres", "--regid", "postgres", "--init-groups", "/bin/sh" })
                    {
                        context.Args.Add(arg);
                    }
                }

                context.Args.Add("-c");
                context.Args.Add(StartScript);
                context.Args.Add("postgres-local");
                context.Args.Add(binDirectory);
                context.Args.Add(Path.Combine(serverDirectory, "data"));
                context.Args.Add(server.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
            })
            .WithEnvironment("POSTGRES_BOOTSTRAP_PASSWORD", password)
            .WithHealthCheck(healthCheckKey);
    }

    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<LocalPostgresServerResource> builder, string name, string? databaseName = null)
    {
        databaseName ??= name;
        var database = new LocalPostgresDatabaseResource(name, databaseName, builder.Resource);
        builder.Resource.AddDatabase(name, databaseName);

        string? connectionString = null;
        builder.ApplicationBuilder.Eventing.Subscribe<ConnectionStringAvailableEvent>(database, async (_, ct) =>
            connectionString = await database.ConnectionStringExpression.GetValueAsync(ct).ConfigureAwait(false));

        var healthCheckKey = $"{name}_check";
        builder.ApplicationBuilder.Services.AddHealthChecks().AddNpgSql(
            _ => connectionString ?? throw new InvalidOperationException("Connection string is unavailable"),
            name: healthCheckKey);

        return builder.ApplicationBuilder.AddResource(database).WithHealthCheck(healthCheckKey);
    }

    /// <summary>
    /// Aspire mirrors a parent's state onto its databases only for containers; for a process parent we say ourselves
    /// that each database exists, so its health check runs and <c>WaitFor(database)</c> can complete.
    /// </summary>
    private static async Task MarkDatabasesRunningAsync(
        IDistributedApplicationBuilder builder, LocalPostgresServerResource server, IServiceProvider services, CancellationToken ct)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        foreach (var database in builder.Resources.OfType<LocalPostgresDatabaseResource>().Where(db => db.Parent == server))
        {
            await builder.Eventing.PublishAsync(new ConnectionStringAvailableEvent(database, services), ct).ConfigureAwait(false);
            await notifications.PublishUpdateAsync(database, state => state with
            {
                State = KnownResourceStates.Running,
                ResourceType = "PostgresDatabase",
            }).ConfigureAwait(false);
        }
    }

    private static async Task CreateDatabasesAsync(LocalPostgresServerResource server, string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Database=postgres");
        await connection.OpenAsync(ct).ConfigureAwait(false);

        foreach (var databaseName in server.Databases.Values)
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", databaseName);
            if (await exists.ExecuteScalarAsync(ct).ConfigureAwait(false) is null)
            {
                // Identifiers cannot be parameters; the name comes from the AppHost's own code and is quoted.
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{databaseName.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
                await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
        }
    }
}
