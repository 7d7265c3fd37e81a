namespace AspireMsa.Identity.Api.Clients;

public static class ClientIds
{
    /// <summary>The future web front end: authorization code with PKCE.</summary>
    public const string Web = "aspiremsa-web";

    /// <summary>A demo, test and benchmark convenience: the password grant, so scripts get user tokens without a browser.</summary>
    public const string Cli = "aspiremsa-cli";

    /// <summary>
    /// The storefront web app: authorization code with PKCE as a confidential client that keeps its tokens server-side,
    /// refreshes them (offline_access) and revokes the refresh token on sign-out.
    /// </summary>
    public const string Storefront = "aspiremsa-storefront";

    /// <summary>
    /// The legacy adapter: client credentials as a confidential client, its tokens issued for the one customer account
    /// configured for it (<see cref="LegacyAdapterClientOptions.Account"/>), so the new APIs check legacy orders as that customer's.
    /// </summary>
    public const string LegacyAdapter = "aspiremsa-legacy-adapter";

    /// <summary>Services calling services on their own behalf: client credentials.</summary>
    public const string Services = "aspiremsa-services";
}
