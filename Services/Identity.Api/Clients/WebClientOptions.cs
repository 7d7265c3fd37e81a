namespace AspireMsa.Identity.Api.Clients;

/// <summary>Where the web front end may receive codes and land after logout; empty until a front end exists.</summary>
public sealed class WebClientOptions
{
    public List<string> RedirectUris { get; set; } = [];

    public List<string> PostLogoutRedirectUris { get; set; } = [];
}
