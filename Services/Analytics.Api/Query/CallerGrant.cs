using System.Security.Claims;
using AspireMsa.Analytics.Api.Infrastructure;
using AspireMsa.Analytics.Api.Marts;
using Microsoft.EntityFrameworkCore;

namespace AspireMsa.Analytics.Api.Query;

/// <summary>
/// The grant a caller queries within: the one role of theirs the grant table names, and for a grant filtered by a claim,
/// their value of that claim (their category); together they name the one mart the query may open.
/// </summary>
public sealed record CallerGrant(string Role, string? Claim, string? ClaimValue)
{
    /// <summary>The caller's grant, or why there is none to query within.</summary>
    public static async Task<(CallerGrant? Grant, string? Problem)> ResolveAsync(ClaimsPrincipal user, AnalyticsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        var roles = user.FindAll("role").Select(c => c.Value).ToList();
        var granted = await db.DatasetGrants.AsNoTracking()
            .Where(g => roles.Contains(g.Role))
            .Select(g => new { g.Role, g.RowFilterClaim })
            .Distinct()
            .ToListAsync(cancellationToken);
        var grantRoles = granted.Select(g => g.Role).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        switch (grantRoles.Count)
        {
            case 0:
                return (null, $"None of your roles ({string.Join(", ", roles)}) has a grant in the analytics grant table.");
            case > 1:
                // Grants are not merged: a mart is one grant's, and a query reads one mart.
                return (null, $"Your roles {string.Join(" and ", grantRoles)} each have a grant; a query runs within one, so ask with an account of one of them.");
        }

        var role = grantRoles[0];
        var claim = granted.Select(g => g.RowFilterClaim).OfType<string>().FirstOrDefault();
        if (claim is null)
        {
            return (new CallerGrant(role, null, null), null);
        }

        var value = user.FindFirst(claim)?.Value;
        return string.IsNullOrEmpty(value)
            ? (null, $"The grant of role {role} is limited by the '{claim}' claim, which your token does not carry.")
            : (new CallerGrant(role, claim, value), null);
    }

    public string MartPath(MartFiles marts)
    {
        ArgumentNullException.ThrowIfNull(marts);
        return marts.PathOf(Role, Claim, ClaimValue);
    }
}
