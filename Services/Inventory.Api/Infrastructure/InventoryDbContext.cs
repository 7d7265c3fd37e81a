using AspireMsa.EventBus;
using AspireMsa.Inventory.Api.Model;
using Microsoft.EntityFrameworkCore;

namespace AspireMsa.Inventory.Api.Infrastructure;

public sealed class InventoryDbContext(DbContextOptions<InventoryDbContext> options) : DbContext(options)
{
    public DbSet<StockItem> StockItems => Set<StockItem>();

    public DbSet<StockReservation> Reservations => Set<StockReservation>();

    public DbSet<ProductPrice> ProductPrices => Set<ProductPrice>();

    /// <summary>
    /// Loads and row-locks the stock of these products until the transaction ends, always in product-id order so two
    /// orders locking overlapping products cannot deadlock. Missing products are simply absent from the result.
    /// </summary>
    public async Task<Dictionary<Guid, StockItem>> LockStockAsync(IEnumerable<Guid> productIds, CancellationToken cancellationToken)
    {
        var ids = productIds.Distinct().Order().ToArray();
        var items = await StockItems
            .FromSql($"""SELECT * FROM stock_items WHERE "ProductId" = ANY({ids}) ORDER BY "ProductId" FOR UPDATE""")
            .ToListAsync(cancellationToken);
        return items.ToDictionary(i => i.ProductId);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var stock = modelBuilder.Entity<StockItem>();
        // The database holds the stock invariants too, so no code path, present or future, can break them.
        stock.ToTable("stock_items", table =>
        {
            table.HasCheckConstraint("CK_stock_items_OnHand_NonNegative", "\"OnHand\" >= 0");
            table.HasCheckConstraint("CK_stock_items_Reserved_NonNegative", "\"Reserved\" >= 0");
            table.HasCheckConstraint("CK_stock_items_Reserved_NotAboveOnHand", "\"Reserved\" <= \"OnHand\"");
        });
        stock.HasKey(s => s.ProductId);
        // Product ids come from the catalog; the database must not invent them.
        stock.Property(s => s.ProductId).ValueGeneratedNever();
        stock.Ignore(s => s.Available);
        // Stock takes and reservations racing on one product cannot both win.
        stock.Property(s => s.Version).IsConcurrencyToken();

        var reservation = modelBuilder.Entity<StockReservation>();
        reservation.ToTable("stock_reservations", table =>
            table.HasCheckConstraint("CK_stock_reservations_Quantity_Positive", "\"Quantity\" > 0"));
        // Unique (order, product): whatever is redelivered or replayed, one order line is reserved at most once.
        reservation.HasKey(r => new { r.OrderId, r.ProductId });
        reservation.HasIndex(r => r.ProductId);

        var price = modelBuilder.Entity<ProductPrice>();
        price.ToTable("product_prices");
        price.HasKey(p => p.ProductId);
        // Product ids come from the catalog; the database must not invent them.
        price.Property(p => p.ProductId).ValueGeneratedNever();
        // The catalog's precision, so an announced price is kept exactly.
        price.Property(p => p.UnitPrice).HasPrecision(18, 2);
        // Two announcements of one product applied at once cannot both win; the loser is retried and compares again.
        price.Property(p => p.ProductVersion).IsConcurrencyToken();

        modelBuilder.AddEventBusTables();
    }
}
