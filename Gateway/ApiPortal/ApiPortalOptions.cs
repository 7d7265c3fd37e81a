using System.ComponentModel.DataAnnotations;

namespace AspireMsa.Gateway.ApiPortal;

/// <summary>
/// How the gateway fetches and shows the OpenAPI documents, bound from <c>ApiPortal</c>; which documents there are (one per
/// API, at the path its service gives) is the downstream registry's.
/// </summary>
public sealed class ApiPortalOptions
{
    public const string SectionName = "ApiPortal";

    /// <summary>How long a fetched document is reused; documents change only when a service is redeployed.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:10", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The public client the interactive portal signs users in with (OAuth 2.0 password grant).</summary>
    [Required]
    public string ClientId { get; set; } = "aspiremsa-cli";
}
