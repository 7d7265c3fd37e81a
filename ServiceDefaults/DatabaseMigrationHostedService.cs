using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>Runs in StartAsync, so the web server starts listening only after the schema exists.</summary>
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
        await strategy.ExecuteAsync(async () =>
        {
            await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            await seeder.Seed(context, scope.ServiceProvider, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);

        LogMigrated(logger, typeof(TContext).Name);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database of {Context} migrated and seeded")]
    private static partial void LogMigrated(ILogger logger, string context);
}
