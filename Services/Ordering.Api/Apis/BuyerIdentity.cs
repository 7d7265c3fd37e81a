using System.Security.Claims;

namespace AspireMsa.Ordering.Api.Apis;

/// <summary>The one place that decides whose orders a request sees; replace it when authentication arrives.</summary>
public static class BuyerIdentity
{
    public const string Anonymous = "anonymous";

    public static string Of(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated != true
            ? Anonymous
            // An authenticated caller without an id must not fall back to sharing the anonymous buyer's orders.
            : user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub")
                ?? throw new InvalidOperationException("The authenticated caller has no 'sub' or name identifier claim.");
}
