using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using AspireMsa.Catalog.Api.Apis;
using AspireMsa.Catalog.Api.Infrastructure;
using AspireMsa.Catalog.Api.Model;
using Microsoft.EntityFrameworkCore;

namespace AspireMsa.Catalog.Api.ReadModel;

/// <summary>
/// The PostgreSQL side of reads: loads after a miss, index rebuilds and fallbacks while Redis is down. Each call opens
/// its own scope, because a single-flight load outlives the request that started it and serves the requests that joined.
/// </summary>
public sealed class ProductDatabaseReader(IServiceScopeFactory scopes)
{
    /// <summary>Byte-order collation, so the fallback lists products in exactly the order of the Redis indexes.</summary>
    private const string ByteOrderCollation = "C";

    private static readonly Expression<Func<Product, ProductResponse>> AsResponse =
        p => new ProductResponse(p.Id, p.Sku, p.Name, p.Description, p.Price, p.Category, p.Version);

    public async Task<ProductResponse?> GetProductAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        return await db.Products.AsNoTracking().Where(p => p.Id == id).Select(AsResponse).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<ProductResponse?> GetProductBySkuAsync(string sku, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        return await db.Products.AsNoTracking().Where(p => p.Sku == sku).Select(AsResponse).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<PagedResult<ProductResponse>> ListAsync(string? category, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var query = InCategory(db.Products.AsNoTracking(), category);

        var total = await query.LongCountAsync(cancellationToken);
        var skip = ((long)page - 1) * pageSize;
        var items = skip >= total
            ? []
            : await query
                .OrderBy(p => EF.Functions.Collate(p.Name, ByteOrderCollation)).ThenBy(p => p.Id)
                .Skip((int)skip)
                .Take(pageSize)
                .Select(AsResponse)
                .ToListAsync(cancellationToken);

        return new PagedResult<ProductResponse>(items, page, pageSize, total);
    }

    /// <summary>Every product of a category (or all products), in batches, read in one query.</summary>
    public async IAsyncEnumerable<IReadOnlyList<ProductResponse>> StreamAsync(
        string? category, int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var batch = new List<ProductResponse>(batchSize);
        await foreach (var product in InCategory(db.Products.AsNoTracking(), category).Select(AsResponse).AsAsyncEnumerable()
            .WithCancellation(cancellationToken))
        {
            batch.Add(product);
            if (batch.Count == batchSize)
            {
                yield return batch;
                batch = new List<ProductResponse>(batchSize);
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private static IQueryable<Product> InCategory(IQueryable<Product> products, string? category) =>
        string.IsNullOrWhiteSpace(category) ? products : products.Where(p => p.Category == category);
}
