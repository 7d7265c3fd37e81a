using System.ComponentModel.DataAnnotations;
using AspireMsa.Catalog.Api.Infrastructure;
using AspireMsa.Catalog.Api.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AspireMsa.Catalog.Api.Apis;

public static class ProductsApi
{
    public const string RoutePrefix = "/api/catalog/products";

    public static RouteGroupBuilder MapProductsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(RoutePrefix).WithTags("Products");

        // Problem results carry no status in their type, so the statuses are declared for the OpenAPI document.
        api.MapGet("/", ListProducts).WithName("ListProducts").ProducesValidationProblem();
        api.MapGet("/{id:guid}", GetProduct).WithName("GetProduct").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/", CreateProduct).WithName("CreateProduct").ProducesValidationProblem();
        api.MapPut("/{id:guid}", UpdateProduct).WithName("UpdateProduct")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapDelete("/{id:guid}", DeleteProduct).WithName("DeleteProduct").ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    public static async Task<Ok<PagedResult<ProductResponse>>> ListProducts(
        CatalogDbContext db,
        CancellationToken ct,
        string? category = null,
        [Range(1, int.MaxValue)] int page = 1,
        [Range(1, ProductRules.MaxPageSize)] int pageSize = ProductRules.DefaultPageSize)
    {
        var query = db.Products.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(category))
        {
            query = query.Where(p => p.Category == category);
        }

        var total = await query.LongCountAsync(ct);
        var items = await query
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(p => new ProductResponse(p.Id, p.Name, p.Description, p.Price, p.Category, p.Version))
            .ToListAsync(ct);

        return TypedResults.Ok(new PagedResult<ProductResponse>(items, page, pageSize, total));
    }

    public static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> GetProduct(Guid id, CatalogDbContext db, CancellationToken ct)
    {
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return product is null ? NotFoundProblem(id) : TypedResults.Ok(ProductResponse.From(product));
    }

    public static async Task<Created<ProductResponse>> CreateProduct(ProductRequest request, CatalogDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var product = new Product
        {
            Id = Guid.CreateVersion7(),
            Name = request.Name.Trim(),
            Description = request.Description?.Trim() ?? string.Empty,
            Price = request.Price,
            Category = request.Category.Trim(),
            Version = 1,
            UpdatedAt = clock.GetUtcNow(),
        };
        db.Products.Add(product);
        await db.SaveChangesAsync(ct);

        return TypedResults.Created($"{RoutePrefix}/{product.Id}", ProductResponse.From(product));
    }

    public static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> UpdateProduct(
        Guid id, ProductRequest request, CatalogDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (product is null)
        {
            return NotFoundProblem(id);
        }

        if (request.Version is { } expected && expected != product.Version)
        {
            return VersionConflict(id, product.Version);
        }

        product.Update(request.Name.Trim(), request.Description?.Trim() ?? string.Empty, request.Price, request.Category.Trim(), clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return VersionConflict(id, product.Version - 1);
        }

        return TypedResults.Ok(ProductResponse.From(product));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteProduct(Guid id, CatalogDbContext db, CancellationToken ct)
    {
        var deleted = await db.Products.Where(p => p.Id == id).ExecuteDeleteAsync(ct);
        return deleted == 0 ? NotFoundProblem(id) : TypedResults.NoContent();
    }

    private static ProblemHttpResult NotFoundProblem(Guid id) => TypedResults.Problem(new ProblemDetails
    {
        Title = "Product not found",
        Detail = $"No product has the id '{id}'.",
        Status = StatusCodes.Status404NotFound,
    });

    private static ProblemHttpResult VersionConflict(Guid id, long currentVersion) => TypedResults.Problem(new ProblemDetails
    {
        Title = "Product was changed by someone else",
        Detail = $"Product '{id}' is at version {currentVersion}; reload it and apply your change again.",
        Status = StatusCodes.Status409Conflict,
    });
}
