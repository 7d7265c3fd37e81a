using AspireMsa.Catalog.Api.Model;
using Microsoft.EntityFrameworkCore;

namespace AspireMsa.Catalog.Api.Infrastructure;

/// <summary>Hands out SKUs from the database sequence, skipping numbers that an explicitly chosen SKU already took.</summary>
public static class SkuAllocator
{
    private const string NextNumberSql = "SELECT nextval('" + ProductSku.SequenceName + "') AS \"Value\"";

    // The sequence is named in the SQL text (a parameter cannot name a relation); only the number is a parameter.
    private const string ReserveSqlPrefix = "SELECT setval('" + ProductSku.SequenceName + "', GREATEST(";
    private const string ReserveSqlSuffix = ", last_value)) AS \"Value\" FROM " + ProductSku.SequenceName;

    public static async Task<string> NextFreeAsync(this CatalogDbContext db, CancellationToken cancellationToken)
    {
        while (true)
        {
            var number = await db.Database.SqlQueryRaw<long>(NextNumberSql).SingleAsync(cancellationToken);
            var sku = ProductSku.Format(number);
            if (!await db.Products.AnyAsync(p => p.Sku == sku, cancellationToken))
            {
                return sku;
            }
        }
    }

    /// <summary>
    /// Moves the sequence past an explicitly chosen SKU of its own format, so the next assigned SKU does not collide with it.
    /// Sequences are not transactional and two callers may race, which only makes <see cref="NextFreeAsync"/> skip a number.
    /// </summary>
    public static async Task ReserveAsync(this CatalogDbContext db, string normalizedSku, CancellationToken cancellationToken)
    {
        if (ProductSku.TryGetNumber(normalizedSku, out var number))
        {
            await db.Database.SqlQueryRaw<long>(ReserveSqlPrefix + "{0}" + ReserveSqlSuffix, number).SingleAsync(cancellationToken);
        }
    }
}
