using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AspireMsa.Identity.Api.Apis;

public static class MeApi
{
    public const string RoutePrefix = "/api/me";

    /// <summary>
    /// Any access token this server issued is accepted, whatever its audience: like the userinfo endpoint, this answers
    /// "who am I" for the token server's own users rather than serving one API's resources.
    /// </summary>
    public static RouteGroupBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(RoutePrefix).WithTags("Me").RequireAuthorization();
        api.MapGet("/", GetMe).WithName("GetMe").ProducesProblem(StatusCodes.Status401Unauthorized);
        return api;
    }

    public static async Task<Results<Ok<MeResponse>, NotFound<ProblemDetails>>> GetMe(ClaimsPrincipal principal, UserManager<IdentityUser> users)
    {
        var user = principal.GetClaim(Claims.Subject) is { } id ? await users.FindByIdAsync(id) : null;
        if (user is null)
        {
            return TypedResults.NotFound(new ProblemDetails
            {
                Title = "No such user",
                Detail = "The token's subject is not a user: it was issued to a client (client credentials), or the user was deleted.",
                Status = StatusCodes.Status404NotFound,
            });
        }

        var roles = await users.GetRolesAsync(user);
        return TypedResults.Ok(new MeResponse(user.Id, user.UserName ?? user.Id, user.Email, [.. roles], [.. principal.GetScopes()]));
    }
}
