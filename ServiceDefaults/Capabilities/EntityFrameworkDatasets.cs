using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMsa.ServiceDefaults.Capabilities;

/// <summary>
/// The service's PostgreSQL tables, read from its EF Core model: the model the migrations create the database from, so
/// the columns named here are the ones the database has. Named <c>&lt;database&gt;.&lt;schema&gt;.&lt;table&gt;</c>.
/// </summary>
public sealed class EntityFrameworkDatasets<TContext>(IServiceScopeFactory scopes) : IDatasetSource where TContext : DbContext
{
    private const string DefaultSchema = "public";

    public Task<IReadOnlyList<Dataset>> DescribeAsync(string owner, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        var database = context.Database.GetDbConnection().Database;
        // The design-time model keeps the store types the runtime model drops.
        var model = context.GetService<IDesignTimeModel>().Model;
        IReadOnlyList<Dataset> datasets = [.. model.GetRelationalModel().Tables
            .OrderBy(table => table.Name, StringComparer.Ordinal)
            .Select(table => new Dataset(
                DatasetUrn.For(DatasetUrn.Postgres, $"{database}.{table.Schema ?? DefaultSchema}.{table.Name}"),
                DatasetUrn.Postgres,
                $"{database}.{table.Schema ?? DefaultSchema}.{table.Name}",
                "table",
                owner,
                [.. table.Columns.Select(column => new DatasetColumn(column.Name, column.StoreType, column.IsNullable))],
                [],
                []))];
        return Task.FromResult(datasets);
    }
}
