namespace AspireMsa.AppHost.BackingServices;

/// <summary>A PostgreSQL server whichever way it runs, so the topology in AppHost.cs reads the same in both modes.</summary>
public interface IPostgresServer
{
    IResourceBuilder<IResourceWithConnectionString> Server { get; }

    IResourceBuilder<IResourceWithConnectionString> AddDatabase(string name);
}
