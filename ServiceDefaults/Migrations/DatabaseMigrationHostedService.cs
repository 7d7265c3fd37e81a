using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Hosting;

namespace AspireMsa.ServiceDefaults.Migrations;

/// <summary>
/// Runs in StartAsync, so the web server starts listening only after the schema exists. Replicas and versions of one
/// service share its database and start together, so they migrate and seed one at a time under a PostgreSQL advisory
/// lock: EF Core's own migration lock does not stop a process from applying a migration it listed as pending before
/// another process applied it. The lock is session-level, so a process that dies while holding it releases it.
/// </summary>
internal sealed partial class DatabaseMigrationHostedService<TContext>(
    IServiceProvider services, DatabaseSeeder<TContext> seeder, ILogger<DatabaseMigrationHostedService<TContext>> logger) : IHostedService
    where TContext : DbContext
{
    private static readonly ActivitySource MigrationActivitySource = new("AspireMsa.Migrations");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var activity = MigrationActivitySource.StartActivity($"Migrate {typeof(TContext).Name}");
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();

        // The execution strategy retries transient failures, e.g. a database that accepts connections a moment late.
        var strategy = context.Database.CreateExecutionStrategy();
        var lockName = $"{typeof(TContext).FullName} migrations";
        await strategy.ExecuteAsync(async () =>
        {
            await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock(hashtext({lockName}))", cancellationToken).ConfigureAwait(false);
                // Npgsql's migrator reads the history table before it creates it and logs the expected "relation does not
                // exist" as an Error (npgsql/efcore.pg#3407); the provider's own idempotent script creates it first.
                var historyTable = context.GetService<IHistoryRepository>().GetCreateIfNotExistsScript();
                await context.Database.ExecuteSqlRawAsync(historyTable, cancellationToken).ConfigureAwait(false);
                await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
                await seeder.Seed(context, scope.ServiceProvider, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // A pooled connection keeps its session, and with it the lock, until reused: release it explicitly.
                if (context.Database.GetDbConnection().State == System.Data.ConnectionState.Open)
                {
                    await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock(hashtext({lockName}))", cancellationToken).ConfigureAwait(false);
                }

                await context.Database.CloseConnectionAsync().ConfigureAwait(false);
            }
        }).ConfigureAwait(false);

        LogMigrated(logger, typeof(TContext).Name);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database of {Context} migrated and seeded")]
    private static partial void LogMigrated(ILogger logger, string context);
}
