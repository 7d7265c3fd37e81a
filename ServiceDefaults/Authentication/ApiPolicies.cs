using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace AspireMsa.ServiceDefaults.Authentication;

/// <summary>
/// The role and scope policies of the APIs, defined once: the gateway names them on its routes and each service demands
/// the same one on its endpoints again (defense in depth), so a call that reaches a service past the gateway meets the
/// same rule. Roles travel in the access token's <c>role</c> claim, scopes in its <c>scope</c> claim.
/// </summary>
public static class ApiPolicies
{
    public const string Authenticated = "authenticated";
    public const string Customer = "customer";
    public const string CatalogAdmin = "catalog-admin";
    public const string OrderingAdmin = "ordering-admin";
    public const string InventoryReader = "inventory-reader";
    public const string InventoryAdmin = "inventory-admin";
    public const string AnalyticsReader = "analytics-reader";
    public const string AnalyticsAdmin = "analytics-admin";
    public const string AnalyticsQuery = "analytics-query";

    public const string CustomerRole = "customer";
    public const string AdminRole = "admin";
    public const string AnalystRole = "analyst";
    public const string CategoryManagerRole = "category-manager";

    public const string CatalogScope = "catalog";
    public const string OrderingScope = "ordering";
    public const string InventoryScope = "inventory";
    public const string AnalyticsScope = "analytics";

    public static AuthorizationBuilder AddApiPolicies(this AuthorizationBuilder authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);

        return authorization
            .AddPolicy(Authenticated, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(Customer, policy => policy.RequireAuthenticatedUser().RequireRole(CustomerRole, AdminRole).RequireScope(OrderingScope))
            .AddPolicy(CatalogAdmin, policy => policy.RequireAuthenticatedUser().RequireRole(AdminRole).RequireScope(CatalogScope))
            .AddPolicy(OrderingAdmin, policy => policy.RequireAuthenticatedUser().RequireRole(AdminRole).RequireScope(OrderingScope))
            .AddPolicy(InventoryReader, policy => policy.RequireAuthenticatedUser().RequireScope(InventoryScope))
            .AddPolicy(InventoryAdmin, policy => policy.RequireAuthenticatedUser().RequireRole(AdminRole).RequireScope(InventoryScope))
            .AddPolicy(AnalyticsReader, policy => policy.RequireAuthenticatedUser().RequireRole(AnalystRole, AdminRole).RequireScope(AnalyticsScope))
            .AddPolicy(AnalyticsAdmin, policy => policy.RequireAuthenticatedUser().RequireRole(AdminRole).RequireScope(AnalyticsScope))
            // Queries run within the caller's grant (the analytics service's grant table), so each role that has one may ask.
            .AddPolicy(AnalyticsQuery, policy => policy.RequireAuthenticatedUser().RequireRole(AnalystRole, CategoryManagerRole, AdminRole).RequireScope(AnalyticsScope));
    }

    /// <summary>OAuth scopes travel as one space-separated <c>scope</c> claim (RFC 9068) or as several claims.</summary>
    public static AuthorizationPolicyBuilder RequireScope(this AuthorizationPolicyBuilder policy, string scope) =>
        policy.RequireAssertion(context => HasScope(context.User, scope));

    public static bool HasScope(ClaimsPrincipal user, string scope) =>
        user.FindAll("scope").Any(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal));
}
