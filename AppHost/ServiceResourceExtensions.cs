namespace AspireMsa.AppHost;

public static class ServiceResourceExtensions
{
    /// <summary>
    /// A service project on a port DCP allocates (no launch profile ports, so a dev run and a test run never collide),
    /// with a separate management endpoint for metrics and detailed health,
    /// in the AppHost's environment, and healthy only when its <c>/health</c> readiness check passes.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject<TProject>(name, options => options.ExcludeLaunchProfile = true)
            .WithHttpEndpoint(name: "http")
            .WithManagementEndpoint()
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithHttpHealthCheck("/health");

    /// <summary>Gives a service its connection and waits until the dependency is healthy before starting it.</summary>
    public static IResourceBuilder<ProjectResource> WithDependency(
        this IResourceBuilder<ProjectResource> service, IResourceBuilder<IResourceWithConnectionString> dependency) =>
        service.WithReference(dependency).WaitFor(dependency);
}
