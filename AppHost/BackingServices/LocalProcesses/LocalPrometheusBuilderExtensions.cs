namespace AspireMsa.AppHost.BackingServices.LocalProcesses;

public static class LocalPrometheusBuilderExtensions
{
    /// <summary>Prometheus on a DCP-allocated loopback port, with its configuration and data in <paramref name="serverDirectory"/>.</summary>
    public static IResourceBuilder<LocalPrometheusResource> AddLocalPrometheus(
        this IDistributedApplicationBuilder builder, string name, string serverDirectory, string configFile)
    {
        var prometheus = new LocalPrometheusResource(name, OsPackageBinaries.Prometheus(), serverDirectory);
        return builder.AddResource(prometheus)
            .WithHttpEndpoint(name: LocalPrometheusResource.HttpEndpointName, isProxied: false)
            .WithArgs(context =>
            {
                context.Args.Add($"--config.file={configFile}");
                context.Args.Add($"--storage.tsdb.path={Path.Combine(serverDirectory, "data")}");
                // A demo's and a test run's history: a day is plenty, and the folder goes with the run.
                context.Args.Add("--storage.tsdb.retention.time=1d");
                context.Args.Add(ReferenceExpression.Create(
                    $"--web.listen-address=127.0.0.1:{prometheus.HttpEndpoint.Property(EndpointProperty.TargetPort)}"));
            });
    }
}
