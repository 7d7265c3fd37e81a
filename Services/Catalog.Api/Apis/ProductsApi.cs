using System.ComponentModel.DataAnnotations;
using AspireMsa.Catalog.Api.Extensions;
using AspireMsa.Catalog.Api.Infrastructure;
using AspireMsa.Catalog.Api.Model;
using AspireMsa.Catalog.Api.ReadModel;
using AspireMsa.Contracts;
using AspireMsa.EventBus;
using AspireMsa.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AspireMsa.Catalog.Api.Apis;

public static class ProductsApi
{
    public const string RoutePrefix = "/api/catalog/products";

    public static RouteGroupBuilder MapProductsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(RoutePrefix).WithTags("Products");

        // Problem results carry no status in their type, so the statuses are declared for the OpenAPI document.
        api.MapGet("/", ListProducts).WithName("ListProducts").ProducesValidationProblem();
        // Ids have no :guid route constraint: a malformed one answers 400 naming it, not a 404 that says nothing.
        api.MapGet("/{id}", GetProduct).WithName("GetProduct").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/by-sku/{sku}", GetProductBySku).WithName("GetProductBySku")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        // Browsing is public; changes need the gateway's catalog-admin policy, checked here again (defense in depth).
        api.MapPost("/", CreateProduct).RequireAuthorization(ApiPolicies.CatalogAdmin).WithName("CreateProduct")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPut("/{id}", UpdateProduct).RequireAuthorization(ApiPolicies.CatalogAdmin).WithName("UpdateProduct")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapDelete("/{id}", DeleteProduct).RequireAuthorization(ApiPolicies.CatalogAdmin).WithName("DeleteProduct")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }

    /// <summary>Served from the Redis read model; the <c>X-Read-Source</c> header says whether PostgreSQL had to answer.</summary>
    public static async Task<Ok<PagedResult<ProductResponse>>> ListProducts(
        ProductReadModel readModel,
        CatalogApiVersion apiVersion,
        HttpResponse response,
        CancellationToken ct,
        [StringLength(ProductRules.CategoryMaxLength), RegularExpression(ProductRules.NoNulPattern, ErrorMessage = ProductRules.NoNulMessage)] string? category = null,
        [Range(1, ProductRules.MaxPage)] int page = 1,
        [Range(1, ProductRules.MaxPageSize)] int pageSize = ProductRules.DefaultPageSize)
    {
        var read = await readModel.ListAsync(category, page, pageSize, ct);
        ReadSourceHeader.Write(response, read.Source);
        return TypedResults.Ok(apiVersion.Shape(read.Value));
    }

    /// <summary>Served from the Redis read model; the <c>X-Read-Source</c> header says whether PostgreSQL had to answer.</summary>
    public static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> GetProduct(
        Guid id, ProductReadModel readModel, CatalogApiVersion apiVersion, HttpResponse response, CancellationToken ct)
    {
        var read = await readModel.GetProductAsync(id, ct);
        ReadSourceHeader.Write(response, read.Source);
        return read.Value is { } product ? TypedResults.Ok(apiVersion.Shape(product)) : NotFoundProblem(id);
    }

    /// <summary>Served from the Redis read model like <see cref="GetProduct"/>; the <c>X-Read-Source</c> header says whether PostgreSQL had to answer.</summary>
    public static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> GetProductBySku(
        [StringLength(ProductRules.SkuMaxLength), RegularExpression(ProductRules.SkuPattern, ErrorMessage = ProductRules.SkuMessage)] string sku,
        ProductReadModel readModel, CatalogApiVersion apiVersion, HttpResponse response, CancellationToken ct)
    {
        var normalized = ProductSku.Normalize(sku);
        var read = await readModel.GetProductBySkuAsync(normalized, ct);
        ReadSourceHeader.Write(response, read.Source);
        return read.Value is { } product ? TypedResults.Ok(apiVersion.Shape(product)) : SkuNotFoundProblem(normalized);
    }

    /// <summary>
    /// A chosen SKU that is taken answers 409; without one, the next free SKU of the sequence is assigned. The product, its
    /// read-model change and its <see cref="ProductCreated"/> commit in one transaction.
    /// </summary>
    public static async Task<Results<Created<ProductResponse>, ProblemHttpResult>> CreateProduct(
        ProductRequest request, CatalogDbContext db, ReadModelWriter readModel, IOutbox outbox, CatalogApiVersion apiVersion, TimeProvider clock,
        CancellationToken ct)
    {
        var sku = request.Sku is { } requested ? ProductSku.Normalize(requested) : null;
        ReadModelOutboxEntry? change = null;
        Product? product;
        try
        {
            product = await db.ExecuteInTransactionAsync(async token =>
            {
                if (sku is not null)
                {
                    if (await db.Products.AnyAsync(p => p.Sku == sku, token))
                    {
                        return null;
                    }

                    await db.ReserveAsync(sku, token);
                }

                var created = new Product
                {
                    Id = Guid.CreateVersion7(),
                    Sku = sku ?? await db.NextFreeAsync(token),
                    Name = request.Name.Trim(),
                    Description = request.Description?.Trim() ?? string.Empty,
                    Price = request.Price,
                    Category = request.Category.Trim(),
                    Version = 1,
                    UpdatedAt = clock.GetUtcNow(),
                };
                db.Products.Add(created);
                change = readModel.Record(created.Id, created.Version, ReadModelChangeKind.Upsert, created.UpdatedAt);
                await outbox.EnqueueAsync(ProductEvents.Created(created), created.Id, token);
                return created;
            }, ct);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } && sku is not null)
        {
            // Another create took the same SKU between the check above and this insert.
            return SkuTakenProblem(sku);
        }

        if (product is null || change is null)
        {
            return SkuTakenProblem(sku!);
        }

        var response = ProductResponse.From(product);
        await readModel.TryApplyAsync(product.Id, response, [change], ct);
        return TypedResults.Created($"{RoutePrefix}/{product.Id}", apiVersion.Shape(response));
    }

    /// <summary>
    /// The product, its read-model change, its <see cref="ProductUpdated"/> and, when the price really changed, its
    /// <see cref="ProductPriceChanged"/> commit in one transaction: subscribers hear of every committed change and of no other.
    /// </summary>
    public static async Task<Results<Ok<ProductResponse>, ProblemHttpResult, ValidationProblem>> UpdateProduct(
        Guid id, ProductRequest request, CatalogDbContext db, ReadModelWriter readModel, IOutbox outbox, CatalogApiVersion apiVersion, TimeProvider clock,
        CancellationToken ct)
    {
        ReadModelOutboxEntry? change = null;
        var skuChangeRefused = false;
        Product? product;
        try
        {
            // A transient database error runs the whole unit again, from a fresh read.
            product = await db.ExecuteInTransactionAsync(async token =>
            {
                change = null;
                var current = await db.Products.FirstOrDefaultAsync(p => p.Id == id, token);
                if (current is null || (request.Version is { } expected && expected != current.Version))
                {
                    return current;
                }

                skuChangeRefused = request.Sku is { } sku && ProductSku.Normalize(sku) != current.Sku;
                if (skuChangeRefused)
                {
                    return current;
                }

                var oldPrice = current.Price;
                current.Update(request.Name.Trim(), request.Description?.Trim() ?? string.Empty, request.Price, request.Category.Trim(), clock.GetUtcNow());
                change = readModel.Record(current.Id, current.Version, ReadModelChangeKind.Upsert, current.UpdatedAt);
                if (current.Price != oldPrice)
                {
                    var priceChanged = new ProductPriceChanged(current.Id, oldPrice, current.Price, current.Version) { OccurredAt = current.UpdatedAt };
                    await outbox.EnqueueAsync(priceChanged, current.Id, token);
                }

                await outbox.EnqueueAsync(ProductEvents.Updated(current), current.Id, token);

                return current;
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another writer changed or deleted the product between this request's read and its write.
            var currentVersion = await db.Products.AsNoTracking().Where(p => p.Id == id).Select(p => (long?)p.Version).FirstOrDefaultAsync(ct);
            return currentVersion is { } version ? VersionConflict(id, version) : NotFoundProblem(id);
        }

        if (product is null)
        {
            return NotFoundProblem(id);
        }

        if (skuChangeRefused)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [nameof(ProductRequest.Sku)] = [$"The SKU is stable: product '{id}' keeps '{product.Sku}'. Leave the field out or send that SKU."],
            });
        }

        if (change is null)
        {
            return VersionConflict(id, product.Version);
        }

        var updated = ProductResponse.From(product);
        await readModel.TryApplyAsync(product.Id, updated, [change], ct);
        return TypedResults.Ok(apiVersion.Shape(updated));
    }

    /// <summary>
    /// Deletes through the version check (concurrency token), so the tombstone's version is one past the version that
    /// was really deleted: a delete that races with an update answers 409 instead of leaving a tombstone too low. The
    /// delete, its read-model change and its <see cref="ProductDeleted"/> commit in one transaction.
    /// </summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteProduct(
        Guid id, CatalogDbContext db, ReadModelWriter readModel, IOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        ReadModelOutboxEntry? change = null;
        Product? product;
        try
        {
            product = await db.ExecuteInTransactionAsync(async token =>
            {
                var current = await db.Products.FirstOrDefaultAsync(p => p.Id == id, token);
                if (current is null)
                {
                    return null;
                }

                db.Products.Remove(current);
                var tombstone = current.Version + 1;
                change = readModel.Record(current.Id, tombstone, ReadModelChangeKind.Delete, clock.GetUtcNow());
                await outbox.EnqueueAsync(ProductEvents.Deleted(current, tombstone, change.RecordedAt), current.Id, token);
                return current;
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var currentVersion = await db.Products.AsNoTracking().Where(p => p.Id == id).Select(p => (long?)p.Version).FirstOrDefaultAsync(ct);
            return currentVersion is { } version ? VersionConflict(id, version) : NotFoundProblem(id);
        }

        if (product is null || change is null)
        {
            return NotFoundProblem(id);
        }

        await readModel.TryApplyAsync(product.Id, current: null, [change], ct);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotFoundProblem(Guid id) => TypedResults.Problem(new ProblemDetails
    {
        Title = "Product not found",
        Detail = $"No product has the id '{id}'.",
        Status = StatusCodes.Status404NotFound,
    });

    private static ProblemHttpResult SkuNotFoundProblem(string sku) => TypedResults.Problem(new ProblemDetails
    {
        Title = "Product not found",
        Detail = $"No product has the SKU '{sku}'.",
        Status = StatusCodes.Status404NotFound,
    });

    private static ProblemHttpResult SkuTakenProblem(string sku) => TypedResults.Problem(new ProblemDetails
    {
        Title = "SKU already in use",
        Detail = $"Another product has the SKU '{sku}'; choose another one or leave it out to have one assigned.",
        Status = StatusCodes.Status409Conflict,
    });

    private static ProblemHttpResult VersionConflict(Guid id, long currentVersion) => TypedResults.Problem(new ProblemDetails
    {
        Title = "Product was changed by someone else",
        Detail = $"Product '{id}' is at version {currentVersion}; reload it and apply your change again.",
        Status = StatusCodes.Status409Conflict,
    });
}
