using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AspireMsa.EventBus.DeadLetters;

public static class DeadLetterApi
{
    public const int MaxPageSize = 500;

    /// <summary>
    /// Maps <c>GET {adminPrefix}/dead-letters</c> and <c>POST {adminPrefix}/dead-letters/replay</c> for operators and the
    /// dashboard commands. They live under the service's <c>/admin</c> path so the gateway can put one admin policy on them,
    /// and demand <paramref name="adminRole"/> here again (defense in depth).
    /// </summary>
    public static RouteGroupBuilder MapDeadLetterApi(this IEndpointRouteBuilder app, string adminPrefix, string adminRole)
    {
        var api = app.MapGroup($"{adminPrefix}/dead-letters").WithTags("Dead letters")
            .RequireAuthorization(policy => policy.RequireRole(adminRole));
        api.MapGet("/", ListDeadLetters).WithName("ListDeadLetters");
        api.MapPost("/replay", ReplayDeadLetters).WithName("ReplayDeadLetters");
        return api;
    }

    public static async Task<Results<Ok<DeadLetterListResponse>, ValidationProblem>> ListDeadLetters(
        DeadLetterQueue queue, CancellationToken ct, int max = 100) =>
        MaxError(max) is { } error ? error : TypedResults.Ok(await queue.PeekAsync(max, ct));

    /// <summary>Replays one message by <paramref name="messageId"/>, or every dead letter (up to <paramref name="max"/>).</summary>
    public static async Task<Results<Ok<DeadLetterReplayResponse>, ValidationProblem>> ReplayDeadLetters(
        DeadLetterQueue queue, CancellationToken ct, string? messageId = null, int max = MaxPageSize) =>
        MaxError(max) is { } error ? error : TypedResults.Ok(await queue.ReplayAsync(messageId, max, ct));

    // Validated here: the minimal-API validation generator only covers endpoints declared in web projects.
    private static ValidationProblem? MaxError(int max) =>
        max is < 1 or > MaxPageSize
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["max"] = [$"The field max must be between 1 and {MaxPageSize}."] })
            : null;
}
