namespace AspireMsa.AppHost;

public static class GatewayDownstreamExtensions
{
    /// <summary>Where every service serves its OpenAPI document (ASP.NET Core's <c>MapOpenApi</c> default).</summary>
    public const string DefaultOpenApiPath = "/openapi/v1.json";

    /// <summary>
    /// Puts a service behind the gateway: the gateway finds it by its resource name, waits for it, and learns from its
    /// registry entry (<c>Downstream:Services:{name}</c>) which API it serves, in which version, for which token audience,
    /// and where its OpenAPI document is. From that entry the gateway builds its cluster, BFF client, portal page and
    /// accepted audiences, so this call is the one place a service is named for the gateway.
    /// </summary>
    /// <param name="api">The API the service serves, as the gateway's routes name it (their <c>ClusterId</c>).</param>
    /// <param name="version">The API version, for a service that runs beside other versions of it (a canary release).</param>
    /// <param name="audience">The token audience the service accepts; none for one that checks no API tokens.</param>
    /// <param name="openApiPath">Where the service serves its OpenAPI document; none for a web front end.</param>
    public static IResourceBuilder<ProjectResource> WithDownstream(
        this IResourceBuilder<ProjectResource> gateway, IResourceBuilder<ProjectResource> service, string api,
        string? version = null, string? audience = null, string? openApiPath = DefaultOpenApiPath)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(service);
        var entry = $"Downstream__Services__{service.Resource.Name}__";
        gateway.WithReference(service).WaitFor(service)
            .WithEnvironment(entry + "Api", api);
        if (openApiPath is not null)
        {
            gateway.WithEnvironment(entry + "OpenApiPath", openApiPath);
        }
        if (version is not null)
        {
            gateway.WithEnvironment(entry + "Version", version);
        }

        if (audience is not null)
        {
            gateway.WithEnvironment(entry + "Audience", audience);
        }

        return gateway;
    }
}
