namespace AspireMsa.Identity.Api.Clients;

/// <summary>The storefront's secret and where it may receive codes and land after logout, bound from <c>Clients:Storefront</c>.</summary>
public sealed class StorefrontClientOptions
{
    /// <summary>The confidential client's secret; when missing the storefront is not registered at all.</summary>
    public string? Secret { get; set; }

    public List<string> RedirectUris { get; set; } = [];

    public List<string> PostLogoutRedirectUris { get; set; } = [];
}
