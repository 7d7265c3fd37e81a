using System.ComponentModel.DataAnnotations;
using System.Net;

namespace AspireMsa.Gateway.Security;

/// <summary>
/// The proxies in front of the gateway whose <c>X-Forwarded-For</c> it believes (section <c>Gateway:ForwardedHeaders</c>).
/// Empty by default: the connection's own address is the client, so no caller can choose its rate-limit partition.
/// </summary>
public sealed class TrustedProxyOptions : IValidatableObject
{
    public const string SectionName = "Gateway:ForwardedHeaders";

    /// <summary>Addresses of single proxies, e.g. <c>10.0.0.4</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of proxies in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(proxy => !IPAddress.TryParse(proxy, out _)))
        {
            yield return new ValidationResult($"'{proxy}' is not an IP address.", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(network => !IPNetwork.TryParse(network, out _)))
        {
            yield return new ValidationResult($"'{network}' is not a network in CIDR notation.", [nameof(KnownNetworks)]);
        }
    }
}
