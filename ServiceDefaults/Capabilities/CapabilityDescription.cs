namespace AspireMsa.ServiceDefaults.Capabilities;

/// <summary>
/// The few facts a service states about itself; everything else in its manifest (name, APIs, events, datasets,
/// dependencies) is read from its registrations and configuration, so it cannot drift from the code.
/// </summary>
public sealed record CapabilityDescription(string Description, string Owner)
{
    /// <summary>Backstage's lifecycle: <c>production</c>, <c>experimental</c> or <c>deprecated</c>.</summary>
    public string Lifecycle { get; init; } = "production";

    /// <summary>Backstage's component type; <c>service</c> for a back-end capability.</summary>
    public string Type { get; init; } = "service";

    public string System { get; init; } = "aspiremsa";

    /// <summary>Where the service serves its OpenAPI document (ASP.NET Core's default); none for a service without an HTTP API.</summary>
    public string? OpenApiPath { get; init; } = "/openapi/v1.json";
}
