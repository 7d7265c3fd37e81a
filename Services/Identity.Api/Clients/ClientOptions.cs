namespace AspireMsa.Identity.Api.Clients;

/// <summary>The per-deployment parts of the registered clients, bound from <c>Clients</c>.</summary>
public sealed class ClientOptions
{
    public const string SectionName = "Clients";

    public WebClientOptions Web { get; set; } = new();

    public StorefrontClientOptions Storefront { get; set; } = new();

    public ServicesClientOptions Services { get; set; } = new();

    public LegacyAdapterClientOptions LegacyAdapter { get; set; } = new();

    /// <summary>
    /// Every redirect URI is an absolute http(s) URL. The scheme is checked too: on Linux a bare path such as
    /// <c>/signin-oidc</c> parses as an absolute <c>file://</c> URI, which no browser would ever be sent to.
    /// </summary>
    public static bool HasAbsoluteUris(ClientOptions options) =>
        options.Web.RedirectUris
            .Concat(options.Web.PostLogoutRedirectUris)
            .Concat(options.Storefront.RedirectUris)
            .Concat(options.Storefront.PostLogoutRedirectUris)
            .All(IsHttpUrl);

    /// <summary>A storefront registered with a secret but no redirect URI could never complete a sign-in: say so at start.</summary>
    public static bool StorefrontCanSignIn(ClientOptions options) =>
        string.IsNullOrWhiteSpace(options.Storefront.Secret) || options.Storefront.RedirectUris.Count > 0;

    /// <summary>A legacy adapter registered with a secret but no account would be issued tokens for nobody: say so at start.</summary>
    public static bool LegacyAdapterActsForAnAccount(ClientOptions options) =>
        string.IsNullOrWhiteSpace(options.LegacyAdapter.Secret) || !string.IsNullOrWhiteSpace(options.LegacyAdapter.Account);

    /// <summary>The user name of the account a client's client-credentials tokens are issued for; none for a client acting as itself.</summary>
    public string? AccountActedForBy(string clientId) =>
        clientId == ClientIds.LegacyAdapter && !string.IsNullOrWhiteSpace(LegacyAdapter.Secret) ? LegacyAdapter.Account : null;

    private static bool IsHttpUrl(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttps || parsed.Scheme == Uri.UriSchemeHttp);
}
