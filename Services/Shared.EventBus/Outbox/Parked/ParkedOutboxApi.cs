using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AspireMsa.EventBus.Outbox.Parked;

public static class ParkedOutboxApi
{
    public const int MaxPageSize = 500;

    /// <summary>
    /// Maps <c>GET {adminPrefix}/outbox/parked</c> and <c>POST {adminPrefix}/outbox/parked/replay</c> beside the dead-letter
    /// endpoints: under the service's <c>/admin</c> path for the gateway's admin policy, and demanding <paramref name="adminRole"/> here again.
    /// </summary>
    public static RouteGroupBuilder MapParkedOutboxApi(this IEndpointRouteBuilder app, string adminPrefix, string adminRole)
    {
        var api = app.MapGroup($"{adminPrefix}/outbox/parked").WithTags("Parked outbox")
            .RequireAuthorization(policy => policy.RequireRole(adminRole));
        api.MapGet("/", ListParked).WithName("ListParkedOutboxMessages");
        api.MapPost("/replay", ReplayParked).WithName("ReplayParkedOutboxMessages");
        return api;
    }

    public static async Task<Results<Ok<ParkedOutboxListResponse>, ValidationProblem>> ListParked(
        IParkedOutbox outbox, CancellationToken ct, int max = 100) =>
        MaxError(max) is { } error ? error : TypedResults.Ok(await outbox.ListAsync(max, ct));

    /// <summary>Replays one row by <paramref name="messageId"/>, or every parked row (up to <paramref name="max"/>).</summary>
    public static async Task<Results<Ok<ParkedOutboxReplayResponse>, ValidationProblem>> ReplayParked(
        IParkedOutbox outbox, CancellationToken ct, Guid? messageId = null, int max = MaxPageSize) =>
        MaxError(max) is { } error ? error : TypedResults.Ok(await outbox.ReplayAsync(messageId, max, ct));

    // Validated here: the minimal-API validation generator only covers endpoints declared in web projects.
    private static ValidationProblem? MaxError(int max) =>
        max is < 1 or > MaxPageSize
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["max"] = [$"The field max must be between 1 and {MaxPageSize}."] })
            : null;
}
