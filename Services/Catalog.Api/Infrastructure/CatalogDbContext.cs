using AspireMsa.Catalog.Api.Model;
using AspireMsa.Catalog.Api.ReadModel;
using AspireMsa.EventBus;
using Microsoft.EntityFrameworkCore;

namespace AspireMsa.Catalog.Api.Infrastructure;

public sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : DbContext(options)
{
    public DbSet<Product> Products => Set<Product>();

    public DbSet<ReadModelOutboxEntry> ReadModelOutbox => Set<ReadModelOutboxEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var product = modelBuilder.Entity<Product>();
        product.ToTable("products");
        product.HasKey(p => p.Id);
        product.Property(p => p.Name).HasMaxLength(ProductRules.NameMaxLength);
        product.Property(p => p.Description).HasMaxLength(ProductRules.DescriptionMaxLength);
        product.Property(p => p.Category).HasMaxLength(ProductRules.CategoryMaxLength);
        product.Property(p => p.Sku).HasMaxLength(ProductRules.SkuMaxLength);
        product.HasIndex(p => p.Sku).IsUnique();
        modelBuilder.HasSequence<long>(ProductSku.SequenceName);
        product.Property(p => p.Price).HasPrecision(18, 2);
        // The version doubles as the optimistic concurrency token: two writers of one product cannot both win.
        product.Property(p => p.Version).IsConcurrencyToken();
        product.HasIndex(p => new { p.Category, p.Name });

        var outbox = modelBuilder.Entity<ReadModelOutboxEntry>();
        outbox.ToTable("read_model_outbox");
        outbox.HasKey(e => e.Id);
        outbox.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);

        // The event bus's own outbox (the product events) is separate from the read model's: other consumers, other relay.
        modelBuilder.AddEventBusTables();
    }
}
