using AspireMsa.LegacyAdapter.Api.Contract;
using Microsoft.EntityFrameworkCore;

namespace AspireMsa.LegacyAdapter.Api.Infrastructure;

/// <summary>The adapter's own database: which new order each legacy order number placed. Nothing of the new services' data.</summary>
public sealed class LegacyDbContext(DbContextOptions<LegacyDbContext> options) : DbContext(options)
{
    public DbSet<LegacyOrderLink> OrderLinks => Set<LegacyOrderLink>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var link = modelBuilder.Entity<LegacyOrderLink>();
        link.ToTable("legacy_order_links");
        // The legacy order number is the key: the database, not a check-then-insert, keeps one order per number.
        link.HasKey(l => l.LegacyOrderNo);
        link.Property(l => l.LegacyOrderNo).HasColumnName("legacy_order_no").HasMaxLength(LegacyOrderRules.OrderNoMaxLength);
        link.Property(l => l.OrderId).HasColumnName("order_id");
        link.Property(l => l.Fingerprint).HasColumnName("fingerprint").HasMaxLength(LegacyOrderLink.FingerprintLength);
        link.Property(l => l.CreatedAt).HasColumnName("created_at");
    }
}
