namespace AspireMsa.Identity.Api.Clients;

/// <summary>The per-deployment parts of the registered clients, bound from <c>Clients</c>.</summary>
public sealed class ClientOptions
{
    public const string SectionName = "Clients";

    public WebClientOptions Web { get; set; } = new();

    public ServicesClientOptions Services { get; set; } = new();

    public static bool HasAbsoluteUris(ClientOptions options) =>
        options.Web.RedirectUris.Concat(options.Web.PostLogoutRedirectUris).All(uri => Uri.TryCreate(uri, UriKind.Absolute, out _));
}
