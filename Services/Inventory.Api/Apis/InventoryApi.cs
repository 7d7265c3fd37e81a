using AspireMsa.Inventory.Api.Extensions;
using AspireMsa.Inventory.Api.Infrastructure;
using AspireMsa.Inventory.Api.Model;
using AspireMsa.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AspireMsa.Inventory.Api.Apis;

public static class InventoryApi
{
    public const string RoutePrefix = "/api/inventory";
    public const string AdminRoutePrefix = RoutePrefix + "/admin";

    public static RouteGroupBuilder MapInventoryApi(this IEndpointRouteBuilder app)
    {
        // The gateway's policies, checked here again (defense in depth): any inventory token reads, only an admin sets stock.
        var api = app.MapGroup(RoutePrefix).WithTags("Inventory").RequireAuthorization(ApiPolicies.InventoryReader);

        // No :guid route constraint: a malformed id answers 400 naming it, not a 404 that says nothing.
        api.MapGet("/{productId}", GetStockLevel).WithName("GetStockLevel").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/{productId}", SetStockLevel)
            .RequireAuthorization(ApiPolicies.InventoryAdmin)
            .WithName("SetStockLevel")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }

    public static async Task<Results<Ok<StockLevelResponse>, ProblemHttpResult>> GetStockLevel(
        Guid productId, InventoryDbContext db, CancellationToken ct)
    {
        var item = await db.StockItems.AsNoTracking().FirstOrDefaultAsync(s => s.ProductId == productId, ct);
        return item is null ? NotFoundProblem(productId) : TypedResults.Ok(StockLevelResponse.From(item, await FindPriceAsync(db, productId, ct)));
    }

    /// <summary>Records a stock take: sets what is on hand, creating the product's stock on first use.</summary>
    public static async Task<Results<Ok<StockLevelResponse>, ProblemHttpResult>> SetStockLevel(
        Guid productId, StockLevelRequest request, InventoryDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var item = await db.StockItems.FirstOrDefaultAsync(s => s.ProductId == productId, ct);
        if (item is null)
        {
            item = StockItem.Create(productId, now);
            db.StockItems.Add(item);
        }

        // Validation has already turned a missing quantity away.
        if (!item.TrySetOnHand(request.Quantity!.Value, now))
        {
            return BelowReservedConflict(productId, item.Reserved);
        }

        // Either way another writer got there first, and its write may have moved the reserved count.
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ChangedConcurrentlyConflict(productId);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return ChangedConcurrentlyConflict(productId);
        }

        return TypedResults.Ok(StockLevelResponse.From(item, await FindPriceAsync(db, productId, ct)));
    }

    private static Task<ProductPrice?> FindPriceAsync(InventoryDbContext db, Guid productId, CancellationToken ct) =>
        db.ProductPrices.AsNoTracking().FirstOrDefaultAsync(p => p.ProductId == productId, ct);

    // Problem results are sent as application/problem+json; NotFound<ProblemDetails> would be plain JSON.
    private static ProblemHttpResult NotFoundProblem(Guid productId) => TypedResults.Problem(new ProblemDetails
    {
        Title = "Stock not found",
        Detail = $"No stock is recorded for product '{productId}'.",
        Status = StatusCodes.Status404NotFound,
    });

    private static ProblemHttpResult BelowReservedConflict(Guid productId, int reserved) => TypedResults.Problem(new ProblemDetails
    {
        Title = "Stock is reserved",
        Detail = $"Product '{productId}' has {reserved} units reserved for orders; on hand cannot go below that.",
        Status = StatusCodes.Status409Conflict,
    });

    private static ProblemHttpResult ChangedConcurrentlyConflict(Guid productId) => TypedResults.Problem(new ProblemDetails
    {
        Title = "Stock was changed by someone else",
        Detail = $"The stock of product '{productId}' changed while this request ran; send it again.",
        Status = StatusCodes.Status409Conflict,
    });
}
