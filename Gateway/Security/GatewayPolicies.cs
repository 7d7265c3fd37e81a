using AspireMsa.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace AspireMsa.Gateway.Security;

/// <summary>
/// The authorization policies routes name in <c>ReverseProxy:Routes:*:AuthorizationPolicy</c>. Everything else is
/// denied to the unauthenticated by the fallback policy; <c>anonymous</c> (YARP's built-in) opens a route explicitly.
/// The API policies are the services' own (<see cref="ApiPolicies"/>), so the gateway and each service check one rule.
/// </summary>
public static class GatewayPolicies
{
    public const string Anonymous = "anonymous";
    public const string Authenticated = ApiPolicies.Authenticated;
    public const string Customer = ApiPolicies.Customer;
    public const string CatalogAdmin = ApiPolicies.CatalogAdmin;
    public const string OrderingAdmin = ApiPolicies.OrderingAdmin;
    public const string InventoryReader = ApiPolicies.InventoryReader;
    public const string InventoryAdmin = ApiPolicies.InventoryAdmin;
    public const string AnalyticsReader = ApiPolicies.AnalyticsReader;
    public const string AnalyticsAdmin = ApiPolicies.AnalyticsAdmin;
    public const string AnalyticsQuery = ApiPolicies.AnalyticsQuery;
    public const string GatewayAdmin = "gateway-admin";
    public const string HubReader = "hub-reader";

    public const string CustomerRole = ApiPolicies.CustomerRole;
    public const string AdminRole = ApiPolicies.AdminRole;

    /// <summary>What each policy demands, for people and for the generated permissions document.</summary>
    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        [Anonymous] = "nobody needs a token",
        [Authenticated] = "any valid access token",
        [Customer] = "role customer or admin, scope ordering",
        [CatalogAdmin] = "role admin, scope catalog",
        [OrderingAdmin] = "role admin, scope ordering",
        [InventoryReader] = "scope inventory",
        [InventoryAdmin] = "role admin, scope inventory",
        [AnalyticsReader] = "role analyst or admin, scope analytics",
        [AnalyticsAdmin] = "role admin, scope analytics",
        [AnalyticsQuery] = "role analyst, category-manager or admin, scope analytics",
        [GatewayAdmin] = "role admin",
        [HubReader] = "role admin or analyst",
    };

    public static AuthorizationBuilder AddGatewayPolicies(this AuthorizationBuilder authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);

        var authenticated = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        return authorization
            .SetFallbackPolicy(authenticated)
            .AddApiPolicies()
            .AddPolicy(GatewayAdmin, policy => policy.RequireAuthenticatedUser().RequireRole(AdminRole))
            // The hub describes every table, event and dependency: metadata for the people who run and analyse the system.
            .AddPolicy(HubReader, policy => policy.RequireAuthenticatedUser().RequireRole(AdminRole, ApiPolicies.AnalystRole));
    }
}
