using System.ComponentModel.DataAnnotations;

namespace AspireMsa.Gateway.Downstream;

/// <summary>One service behind the gateway, as the AppHost registers it (<c>Downstream:Services:{discovery name}</c>).</summary>
public sealed class DownstreamService
{
    /// <summary>
    /// The API the service serves: routes name it as their <c>ClusterId</c>, the portal publishes its document under it,
    /// and a canary release of it carries its name. Several services may serve one API in different versions.
    /// </summary>
    [Required]
    public string Api { get; set; } = string.Empty;

    /// <summary>The API version this service answers as, e.g. <c>v2</c>; needed only where a canary release splits an API.</summary>
    public string? Version { get; set; }

    /// <summary>The token audience the service accepts; none for a service that checks no API tokens (the token server).</summary>
    public string? Audience { get; set; }

    /// <summary>Where the service serves its OpenAPI document; none for a web front end, which the API portal leaves out.</summary>
    public string? OpenApiPath { get; set; }
}
