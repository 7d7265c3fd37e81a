using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace AspireMsa.Gateway.ApiPortal;

/// <summary>Which services' OpenAPI documents the gateway publishes, and how it fetches them, bound from <c>ApiPortal</c>.</summary>
public sealed partial class ApiPortalOptions
{
    public const string SectionName = "ApiPortal";

    /// <summary>Document name (as in <c>/openapi/{name}.json</c>) → the service's address by service discovery.</summary>
    public Dictionary<string, Uri> Services { get; set; } = new(StringComparer.Ordinal)
    {
        ["catalog"] = new("http://catalog-v1"),
        ["ordering"] = new("http://ordering"),
        ["inventory"] = new("http://inventory"),
        ["identity"] = new("http://identity"),
    };

    /// <summary>Where every service serves its document (ASP.NET Core's <c>MapOpenApi</c> default).</summary>
    [Required]
    [RegularExpression("^/.*", ErrorMessage = "ApiPortal:DocumentPath must be a path starting with '/'.")]
    public string DocumentPath { get; set; } = "/openapi/v1.json";

    /// <summary>How long a fetched document is reused; documents change only when a service is redeployed.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:10", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The public client the interactive portal signs users in with (OAuth 2.0 password grant).</summary>
    [Required]
    public string ClientId { get; set; } = "aspiremsa-cli";

    public static bool HasValidServices(ApiPortalOptions options) =>
        options.Services.Count > 0
        && options.Services.All(service => DocumentName().IsMatch(service.Key) && service.Value.IsAbsoluteUri);

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex DocumentName();
}
