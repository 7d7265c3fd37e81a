using AspireMsa.ServiceDefaults.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class DatabaseMigrationExtensions
{
    /// <summary>
    /// Applies the service's EF Core migrations at start-up, then runs its seeder, before the service listens.
    /// Publish pipelines may run the same migrations as a separate step instead.
    /// </summary>
    public static IServiceCollection AddMigration<TContext>(this IServiceCollection services, Func<TContext, IServiceProvider, CancellationToken, Task>? seed = null)
        where TContext : DbContext
    {
        services.AddSingleton(new DatabaseSeeder<TContext>(seed ?? ((_, _, _) => Task.CompletedTask)));
        return services.AddHostedService<DatabaseMigrationHostedService<TContext>>();
    }
}
