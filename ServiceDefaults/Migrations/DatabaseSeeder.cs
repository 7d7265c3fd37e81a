using Microsoft.EntityFrameworkCore;

namespace AspireMsa.ServiceDefaults.Migrations;

/// <summary>The seeding step a service runs right after its migrations.</summary>
public sealed record DatabaseSeeder<TContext>(Func<TContext, IServiceProvider, CancellationToken, Task> Seed) where TContext : DbContext;
