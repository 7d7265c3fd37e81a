using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace AspireMsa.Gateway.Security;

/// <summary>
/// The authorization policies routes name in <c>ReverseProxy:Routes:*:AuthorizationPolicy</c>. Everything else is
/// denied to the unauthenticated by the fallback policy; <c>anonymous</c> (YARP's built-in) opens a route explicitly.
/// </summary>
public static class GatewayPolicies
{
    public const string Anonymous = "anonymous";
    public const string Authenticated = "authenticated";
    public const string Customer = "customer";
    public const string CatalogAdmin = "catalog-admin";
    public const string OrderingAdmin = "ordering-admin";
    public const string InventoryReader = "inventory-reader";
    public const string InventoryAdmin = "inventory-admin";
    public const string GatewayAdmin = "gateway-admin";

    public const string CustomerRole = "customer";
    public const string AdminRole = "admin";

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
        [GatewayAdmin] = "role admin",
    };

    public static AuthorizationBuilder AddGatewayPolicies(this AuthorizationBuilder authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);

        var authenticated = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        return authorization
            .SetFallbackPolicy(authenticated)
            .AddPolicy(Authenticated, authenticated)
            .AddPolicy(Customer, policy => policy.RequireAuthenticatedUser().RequireRole(CustomerRole, AdminRole).RequireScope("ordering"))
            .AddPolicy(CatalogAdmin, policy => policy.RequireAuthenticatedUser().RequireRole(AdminRole).RequireScope("catalog"))
            .AddPolicy(OrderingAdmin, policy => policy.RequireAuthenticatedUser().RequireRole(AdminRole).RequireScope("ordering"))
            .AddPolicy(InventoryReader, policy => policy.RequireAuthenticatedUser().RequireScope("inventory"))
            .AddPolicy(InventoryAdmin, policy => policy.RequireAuthenticatedUser().RequireRole(AdminRole).RequireScope("inventory"))
            .AddPolicy(GatewayAdmin, policy => policy.RequireAuthenticatedUser().RequireRole(AdminRole));
    }

    /// <summary>OAuth scopes travel as one space-separated <c>scope</c> claim (RFC 9068) or as several claims.</summary>
    public static AuthorizationPolicyBuilder RequireScope(this AuthorizationPolicyBuilder policy, string scope) =>
        policy.RequireAssertion(context => HasScope(context.User, scope));

    public static bool HasScope(ClaimsPrincipal user, string scope) =>
        user.FindAll("scope").Any(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal));
}
