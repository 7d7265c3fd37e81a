namespace AspireMsa.AppHost;

public static class ManagementEndpointExtensions
{
    /// <summary>The endpoint on which every service serves <c>/metrics</c> and the detailed <c>/health</c>; never external.</summary>
    public const string EndpointName = "management";

    /// <summary>The configuration key that tells the service which of its ports is the management one (ServiceDefaults).</summary>
    public const string PortVariable = "Management__Port";

    // A container's port must be fixed when published (Azure Container Apps maps it as an additional internal port);
    // locally DCP allocates one per replica. 8080 is the http endpoint's.
    private const int PublishedTargetPort = 8081;

    /// <summary>
    /// A second Kestrel endpoint for Prometheus and operators, apart from the public one, so metrics and dependency
    /// details are not served to whoever reaches the service's public port.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithManagementEndpoint(this IResourceBuilder<ProjectResource> project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var targetPort = project.ApplicationBuilder.ExecutionContext.IsPublishMode ? PublishedTargetPort : (int?)null;
        project.WithHttpEndpoint(targetPort: targetPort, name: EndpointName);
        // Resolved by DCP per replica, like the replica's ASPNETCORE_URLS, so each replica knows its own management port.
        return project.WithEnvironment(PortVariable, project.GetEndpoint(EndpointName).Property(EndpointProperty.TargetPort));
    }
}
