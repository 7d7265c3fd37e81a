using AspireMsa.AppHost.BackingServices.LocalProcesses;

namespace AspireMsa.AppHost.BackingServices;

public sealed class LocalPostgresServer(IResourceBuilder<LocalPostgresServerResource> server) : IPostgresServer
{
    public IResourceBuilder<IResourceWithConnectionString> Server => server;

    public IResourceBuilder<IResourceWithConnectionString> AddDatabase(string name) => server.AddDatabase(name);
}
