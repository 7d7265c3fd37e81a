using System.ComponentModel.DataAnnotations;

namespace AspireMsa.LegacyAdapter.Api.Extensions;

/// <summary>The adapter's settings (<c>LegacyAdapter</c>): the legacy client's key, its client at the token server, and the limits of the legacy contract.</summary>
public sealed class LegacyAdapterOptions
{
    public const string SectionName = "LegacyAdapter";

    /// <summary>
    /// The key the legacy client sends in <c>X-Api-Key</c> (the AppHost's secret parameter <c>legacy-api-key</c>). Long
    /// enough that guessing it through the gateway's rate limit is hopeless.
    /// </summary>
    [Required]
    [MinLength(16)]
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>
    /// The gateway by its discovery name: the adapter reaches the new APIs and the token server only through it, as any
    /// client does, so every check of the edge applies to what the legacy client asks for.
    /// </summary>
    [Required]
    public Uri GatewayAddress { get; set; } = new("http://gateway");

    /// <summary>The adapter's confidential client at the token server, which issues it tokens for the legacy customer account.</summary>
    [Required]
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The AppHost's secret parameter <c>legacy-client-secret</c>, which identity registers the client with.</summary>
    [Required]
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>What a legacy request body may weigh: an order of 50 items is a few kilobytes, so anything far above is refused unread.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Products per page of the legacy price list, the most the catalog serves in one page.</summary>
    [Range(1, 100)]
    public int ProductsPageSize { get; set; } = 100;
}
