namespace AspireMsa.AppHost.BackingServices;

public sealed class ContainerPostgresServer(IResourceBuilder<PostgresServerResource> server) : IPostgresServer
{
    public IResourceBuilder<IResourceWithConnectionString> Server => server;

    public IResourceBuilder<IResourceWithConnectionString> AddDatabase(string name) => server.AddDatabase(name);
}
