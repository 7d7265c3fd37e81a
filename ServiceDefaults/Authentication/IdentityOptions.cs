using System.ComponentModel.DataAnnotations;

namespace AspireMsa.ServiceDefaults.Authentication;

/// <summary>Where tokens come from and what they must say (section <c>Identity</c>, set by the AppHost).</summary>
public sealed class IdentityOptions
{
    public const string SectionName = "Identity";

    /// <summary>The issuer every access token must carry: the gateway's public URL, where the token server is published.</summary>
    [Required]
    public string Issuer { get; set; } = string.Empty;

    /// <summary>The token server by its service-discovery name; metadata and signing keys are fetched from it directly.</summary>
    [Required]
    public string MetadataAuthority { get; set; } = "http://identity";

    /// <summary>Tolerated clock difference between the token server and this process.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often the token server's signing keys are fetched again. The token server publishes a new key a lead time
    /// (its <c>Tokens:KeyPublishLeadTime</c>, 10 minutes by default) before using it, which must exceed twice this.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SigningKeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);
}
