namespace AspireMsa.Storefront.StoreApi;

/// <summary>What became of a call through the gateway, in the terms a page explains to a shopper.</summary>
public enum ApiOutcome
{
    Succeeded,
    NotFound,
    SignInRequired,
    Forbidden,
    RateLimited,
    Rejected,
    Unavailable,
}
