using AspireMsa.Inventory.Api.Model;
using Microsoft.EntityFrameworkCore;

namespace AspireMsa.Inventory.Api.Infrastructure;

public sealed class InventoryDbContext(DbContextOptions<InventoryDbContext> options) : DbContext(options)
{
    public DbSet<StockItem> StockItems => Set<StockItem>();

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
    }
}
