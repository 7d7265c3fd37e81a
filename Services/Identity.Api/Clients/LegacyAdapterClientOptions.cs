namespace AspireMsa.Identity.Api.Clients;

/// <summary>The legacy adapter's client and the account it acts for, bound from <c>Clients:LegacyAdapter</c>.</summary>
public sealed class LegacyAdapterClientOptions
{
    /// <summary>The confidential client's secret; when missing the adapter is not registered at all.</summary>
    public string? Secret { get; set; }

    /// <summary>
    /// The user name of the customer account the legacy client orders as. The token server, not the adapter, binds the
    /// client to it: the adapter's secret yields tokens for this one account, with its roles, and no other.
    /// </summary>
    public string? Account { get; set; }
}
