using AspireMsa.Catalog.Api.Extensions;
using AspireMsa.Catalog.Api.Infrastructure;
using AspireMsa.Catalog.Api.ReadModel;
using AspireMsa.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AspireMsa.Catalog.Api.Apis;

/// <summary>
/// Operator endpoints of the read model, for admins only (checked at the gateway and here again); the AppHost also offers
/// them as dashboard commands, which sign in as admin.
/// </summary>
public static class ReadModelAdminApi
{
    public const string RoutePrefix = "/api/catalog/admin/read-model";

    public static RouteGroupBuilder MapReadModelAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(RoutePrefix).WithTags("Read model")
            .RequireAuthorization(ApiPolicies.CatalogAdmin);

        api.MapGet("/stats", GetReadModelStats).WithName("GetReadModelStats");
        api.MapPost("/rebuild", RebuildReadModel).WithName("RebuildReadModel").ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return api;
    }

    public static async Task<Ok<ReadModelStats>> GetReadModelStats(ReadModelMetrics metrics, CatalogDbContext db, CancellationToken ct) =>
        TypedResults.Ok(metrics.Snapshot(await db.ReadModelOutbox.LongCountAsync(ct)));

    public static async Task<Results<Ok<ReadModelRebuildResult>, ProblemHttpResult>> RebuildReadModel(ReadModelRebuilder rebuilder, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(await rebuilder.RebuildAllAsync(ct));
        }
        catch (Exception exception) when (ReadModelResilience.IsRedisFailure(exception))
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Title = "Read model store unavailable",
                Detail = "Redis cannot be reached; run the rebuild again once it is back.",
                Status = StatusCodes.Status503ServiceUnavailable,
            });
        }
    }
}
