using System.Globalization;
using AspireMsa.Storefront.Extensions;
using AspireMsa.Storefront.StoreApi;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace AspireMsa.Storefront.Admin;

/// <summary>
/// The admin page's form posts: each calls the same admin API as the matching dashboard command, then redirects back to
/// the page with what was done in the query (so a reload never posts twice). A refused call renders the status page.
/// </summary>
public static class AdminActionsApi
{
    public const string AdminPath = "/admin";
    public const string AdminRole = "admin";

    // The query the page reads to confirm what was done.
    public const string SavedQuery = "saved";
    public const string ReleaseQuery = "release";
    public const string WeightQuery = "weight";
    public const string ServiceQuery = "service";
    public const string ReplayedQuery = "replayed";
    public const string ProductsQuery = "products";
    public const string IndexesQuery = "indexes";

    public const string SavedCanary = "canary";
    public const string SavedRollback = "rollback";
    public const string SavedReplay = "replay";
    public const string SavedRebuild = "rebuild";

    public static RouteGroupBuilder MapAdminActionsApi(this IEndpointRouteBuilder app)
    {
        // The middleware checks the token on every admin post (the metadata asks it to); the filter refuses a bad one.
        var api = app.MapGroup(AdminPath).ExcludeFromDescription()
            .RequireAuthorization(policy => policy.RequireRole(AdminRole))
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .AddEndpointFilter<AntiforgeryTokenRequired>();
        api.MapPost("/canary/{release}", SetCanaryWeightAsync);
        api.MapPost("/canary/{release}/rollback", RollBackCanaryAsync);
        api.MapPost("/dead-letters/{service}/replay", ReplayDeadLettersAsync);
        api.MapPost("/read-model/rebuild", RebuildReadModelAsync);
        return api;
    }

    public static Task<IResult> SetCanaryWeightAsync(
        string release, [FromForm] int canaryWeight, HttpContext context, StoreApiClient store, CancellationToken ct) =>
        SetWeightAsync(release, canaryWeight, SavedCanary, context, store, ct);

    /// <summary>As the dashboard's "Roll back canary": weight 0 sends all of the release's traffic to the stable version.</summary>
    public static Task<IResult> RollBackCanaryAsync(string release, HttpContext context, StoreApiClient store, CancellationToken ct) =>
        SetWeightAsync(release, 0, SavedRollback, context, store, ct);

    public static async Task<IResult> ReplayDeadLettersAsync(string service, HttpContext context, StoreApiClient store, CancellationToken ct)
    {
        if (DeadLetterService.Find(service) is not { } known)
        {
            return TypedResults.NotFound();
        }

        var replay = await new AdminApiClient(store).ReplayDeadLettersAsync(known, ct);
        return replay.Succeeded
            ? Back(SavedReplay, new()
            {
                [ServiceQuery] = known.Name,
                [ReplayedQuery] = replay.Value.Replayed.ToString(CultureInfo.InvariantCulture),
            })
            : ApiProblemPage.For(context, replay);
    }

    public static async Task<IResult> RebuildReadModelAsync(HttpContext context, StoreApiClient store, CancellationToken ct)
    {
        var rebuild = await new AdminApiClient(store).RebuildReadModelAsync(ct);
        return rebuild.Succeeded
            ? Back(SavedRebuild, new()
            {
                [ProductsQuery] = rebuild.Value.Products.ToString(CultureInfo.InvariantCulture),
                [IndexesQuery] = rebuild.Value.Indexes.ToString(CultureInfo.InvariantCulture),
            })
            : ApiProblemPage.For(context, rebuild);
    }

    private static async Task<IResult> SetWeightAsync(
        string release, int canaryWeight, string saved, HttpContext context, StoreApiClient store, CancellationToken ct)
    {
        var state = await new AdminApiClient(store).SetCanaryWeightAsync(release, canaryWeight, ct);
        return state.Succeeded
            ? Back(saved, new()
            {
                [ReleaseQuery] = state.Value.Release,
                [WeightQuery] = state.Value.CanaryWeight.ToString(CultureInfo.InvariantCulture),
            })
            : ApiProblemPage.For(context, state);
    }

    private static IResult Back(string saved, Dictionary<string, string?> details)
    {
        KeyValuePair<string, string?>[] query = [new(SavedQuery, saved), .. details];
        return TypedResults.LocalRedirect(QueryHelpers.AddQueryString(AdminPath, query));
    }
}
