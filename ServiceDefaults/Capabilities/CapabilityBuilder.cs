using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMsa.ServiceDefaults.Capabilities;

/// <summary>Adds the sources of a capability's datasets to its manifest.</summary>
public sealed class CapabilityBuilder(IServiceCollection services)
{
    /// <summary>The tables of <typeparamref name="TContext"/>'s EF Core model.</summary>
    public CapabilityBuilder WithTables<TContext>() where TContext : DbContext => WithDatasets<EntityFrameworkDatasets<TContext>>();

    public CapabilityBuilder WithDatasets<TSource>() where TSource : class, IDatasetSource
    {
        services.AddSingleton<IDatasetSource, TSource>();
        return this;
    }
}
