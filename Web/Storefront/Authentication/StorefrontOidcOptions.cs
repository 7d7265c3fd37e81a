using System.ComponentModel.DataAnnotations;

namespace AspireMsa.Storefront.Authentication;

/// <summary>
/// How the storefront signs users in (<c>Oidc</c>): a confidential client of the identity service, reached at the
/// issuer the gateway publishes (<c>Identity:Issuer</c>), so the browser only ever talks to the gateway.
/// </summary>
public sealed class StorefrontOidcOptions
{
    public const string SectionName = "Oidc";

    [Required]
    public string ClientId { get; set; } = "aspiremsa-storefront";

    /// <summary>The client's secret, from the AppHost's secret parameter <c>storefront-client-secret</c>.</summary>
    [Required]
    [MinLength(16)]
    public string ClientSecret { get; set; } = string.Empty;

    [MinLength(1)]
    public string[] Scopes { get; set; } = [];

    /// <summary>How long before its expiry an access token is refreshed, so a call never leaves with a token about to lapse.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:30:00")]
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a sign-in lasts without a visit (the ticket in Redis expires with it).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}
