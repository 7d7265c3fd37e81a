using System.ComponentModel.DataAnnotations;

namespace AspireMsa.Storefront.Extensions;

/// <summary>The storefront's own settings (<c>Storefront</c>).</summary>
public sealed class StorefrontOptions
{
    public const string SectionName = "Storefront";

    /// <summary>Products per catalog page.</summary>
    [Range(1, 100)]
    public int PageSize { get; set; } = 12;

    /// <summary>
    /// The gateway by its discovery name: every API call goes through it, never to a service directly. Service discovery
    /// turns the name into the gateway's replicas.
    /// </summary>
    [Required]
    public Uri GatewayAddress { get; set; } = new("http://gateway");

    /// <summary>How long the live order page waits between keep-alive comments, so idle proxies keep its stream open.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan LiveKeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);
}
