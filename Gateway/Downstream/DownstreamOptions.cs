using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace AspireMsa.Gateway.Downstream;

/// <summary>
/// The gateway's one list of the services behind it (<c>Downstream:Services</c>, keyed by discovery name), which only the
/// AppHost writes; the YARP clusters, the BFF's clients, the API portal and the accepted token audiences derive from it.
/// </summary>
public sealed partial class DownstreamOptions
{
    public const string SectionName = "Downstream";

    public const string InvalidMessage =
        "Downstream:Services must list at least one service by its discovery name (a-z, 0-9, -), each with an Api of the same form, "
        + "an OpenApiPath, if any, starting with '/', and a distinct Version wherever several services serve one API; the AppHost writes it.";

    public Dictionary<string, DownstreamService> Services { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public DownstreamClusterOptions Clusters { get; set; } = new();

    /// <summary>The audiences of the services behind the gateway: a token for none of them is refused at the edge.</summary>
    public string[] Audiences() =>
        [.. Services.Values.Select(service => service.Audience).OfType<string>().Where(audience => audience.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>The APIs, in the order of their services' discovery names (configuration lists keys sorted).</summary>
    public string[] Apis() => [.. Services.Values.Select(service => service.Api).Distinct(StringComparer.Ordinal)];

    /// <summary>The APIs whose services publish an OpenAPI document, for the API portal.</summary>
    public string[] DocumentedApis() =>
        [.. Services.Values.Where(service => service.OpenApiPath is not null).Select(service => service.Api).Distinct(StringComparer.Ordinal)];

    /// <summary>The discovery names of the services with an API document: each also describes itself as a capability.</summary>
    public string[] DescribedServices() =>
        [.. Services.Where(service => service.Value.OpenApiPath is not null).Select(service => service.Key).Order(StringComparer.Ordinal)];

    /// <summary>The discovery names of the services that serve <paramref name="api"/>.</summary>
    public string[] ServicesOf(string api) =>
        [.. Services.Where(service => string.Equals(service.Value.Api, api, StringComparison.Ordinal)).Select(service => service.Key)];

    /// <summary>The discovery name of the service that serves <paramref name="version"/> of <paramref name="api"/>, if any.</summary>
    public string? ServiceOf(string api, string version) =>
        Services.Where(service => string.Equals(service.Value.Api, api, StringComparison.Ordinal)
                && string.Equals(service.Value.Version, version, StringComparison.OrdinalIgnoreCase))
            .Select(service => service.Key)
            .FirstOrDefault();

    public static Uri AddressOf(string discoveryName) => new($"http://{discoveryName}");

    public static bool IsValid(DownstreamOptions options) =>
        options.Services.Count > 0
        && options.Services.All(service =>
            Name().IsMatch(service.Key)
            && Validator.TryValidateObject(service.Value, new ValidationContext(service.Value), null, validateAllProperties: true)
            && Name().IsMatch(service.Value.Api)
            && service.Value.OpenApiPath is null or ['/', ..])
        && options.Services.Values.GroupBy(service => service.Api, StringComparer.Ordinal).All(api =>
            api.Count() == 1
            || (api.All(service => !string.IsNullOrEmpty(service.Version))
                && api.Select(service => service.Version).Distinct(StringComparer.OrdinalIgnoreCase).Count() == api.Count()))
        && Validator.TryValidateObject(options.Clusters, new ValidationContext(options.Clusters), null, validateAllProperties: true)
        && options.Clusters.PerTryTimeouts.Values.All(timeout => timeout >= TimeSpan.FromMilliseconds(100) && timeout <= TimeSpan.FromMinutes(5));

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex Name();
}
