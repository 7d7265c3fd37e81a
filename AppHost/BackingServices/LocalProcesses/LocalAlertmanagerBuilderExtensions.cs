namespace AspireMsa.AppHost.BackingServices.LocalProcesses;

public static class LocalAlertmanagerBuilderExtensions
{
    /// <summary>Alertmanager on a DCP-allocated loopback port, with its configuration and silences in <paramref name="serverDirectory"/>.</summary>
    public static IResourceBuilder<LocalAlertmanagerResource> AddLocalAlertmanager(
        this IDistributedApplicationBuilder builder, string name, string serverDirectory, string configFile)
    {
        var alertmanager = new LocalAlertmanagerResource(name, OsPackageBinaries.Alertmanager(), serverDirectory);
        return builder.AddResource(alertmanager)
            .WithHttpEndpoint(name: LocalAlertmanagerResource.HttpEndpointName, isProxied: false)
            .WithArgs(context =>
            {
                context.Args.Add($"--config.file={configFile}");
                context.Args.Add($"--storage.path={Path.Combine(serverDirectory, "data")}");
                context.Args.Add(ReferenceExpression.Create(
                    $"--web.listen-address=127.0.0.1:{alertmanager.HttpEndpoint.Property(EndpointProperty.TargetPort)}"));
                // No cluster: its gossip port (9094 on every interface) would clash between a dev run and a test run.
                context.Args.Add("--cluster.listen-address=");
            });
    }
}
