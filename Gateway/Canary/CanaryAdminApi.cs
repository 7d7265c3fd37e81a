using AspireMsa.Gateway.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AspireMsa.Gateway.Canary;

/// <summary>Operators read and change canary weights at run time; a change reaches every gateway replica through Redis.</summary>
public static class CanaryAdminApi
{
    public const string RoutePrefix = "/api/gateway/admin/canary";

    public static RouteGroupBuilder MapCanaryAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(RoutePrefix).WithTags("Canary releases").RequireAuthorization(GatewayPolicies.GatewayAdmin);
        api.MapGet("", ListReleases).WithName("ListCanaryReleases");
        api.MapGet("/{release}", GetRelease).WithName("GetCanaryRelease").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/{release}", SetWeight).WithName("SetCanaryWeight")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return api;
    }

    public static Ok<CanaryReleaseState[]> ListReleases(IOptions<CanaryOptions> options, CanaryWeights weights) =>
        TypedResults.Ok(options.Value.Releases.Select(release => State(release.Key, release.Value, weights)).ToArray());

    public static Results<Ok<CanaryReleaseState>, ProblemHttpResult> GetRelease(string release, IOptions<CanaryOptions> options, CanaryWeights weights) =>
        options.Value.Releases.TryGetValue(release, out var settings)
            ? TypedResults.Ok(State(release, settings, weights))
            : UnknownRelease(release);

    public static async Task<Results<Ok<CanaryReleaseState>, ValidationProblem, ProblemHttpResult>> SetWeight(
        string release, CanaryWeightRequest request, HttpContext context, IOptions<CanaryOptions> options, CanaryWeights weights)
    {
        if (!options.Value.Releases.TryGetValue(release, out var settings))
        {
            return UnknownRelease(release);
        }

        if (request.CanaryWeight is < 0 or > CanaryBuckets.Count)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [nameof(CanaryWeightRequest.CanaryWeight)] = ["Must be between 0 and 100."],
            });
        }

        try
        {
            await weights.SetAsync(release, request.CanaryWeight, $"set by {context.User.Identity?.Name ?? context.User.FindFirst("sub")?.Value}");
        }
        catch (Exception exception) when (exception is StackExchange.Redis.RedisException or TimeoutException)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Title = "Canary weights are unavailable",
                Detail = "The weights live in Redis so that every gateway replica routes alike, and Redis cannot be reached; nothing was changed.",
                Status = StatusCodes.Status503ServiceUnavailable,
            });
        }

        return TypedResults.Ok(State(release, settings, weights));
    }

    private static CanaryReleaseState State(string name, CanaryReleaseOptions release, CanaryWeights weights)
    {
        var canaryWeight = weights.Get(name);
        return new(name, release.StableVersion, release.CanaryVersion, CanaryBuckets.Count - canaryWeight, canaryWeight);
    }

    private static ProblemHttpResult UnknownRelease(string release) => TypedResults.Problem(new ProblemDetails
    {
        Title = "Canary release not found",
        Detail = $"The gateway runs no canary release named '{release}'.",
        Status = StatusCodes.Status404NotFound,
    });
}
