using System.ComponentModel.DataAnnotations;

namespace AspireMsa.Gateway.PublicAddress;

/// <summary>The URL clients reach the gateway by (<c>Gateway:PublicUrl</c>, set by the AppHost).</summary>
public sealed class PublicAddressOptions
{
    public const string SectionName = "Gateway";

    /// <summary>
    /// Its host is always allowed (<c>AllowedHosts</c> adds to it), and the API portal names it as the server and the
    /// token endpoint's origin, whatever Host header a request carries.
    /// </summary>
    [Required]
    public Uri? PublicUrl { get; set; }

    /// <summary>The public URL without a trailing slash, for appending paths.</summary>
    public string BaseUrl => PublicUrl?.GetLeftPart(UriPartial.Path).TrimEnd('/') ?? string.Empty;

    public static bool HasAbsolutePublicUrl(PublicAddressOptions options) =>
        options.PublicUrl is { IsAbsoluteUri: true } url && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
}
