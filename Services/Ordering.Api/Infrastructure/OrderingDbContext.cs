using AspireMsa.EventBus;
using AspireMsa.Ordering.Api.Model;
using Microsoft.EntityFrameworkCore;

namespace AspireMsa.Ordering.Api.Infrastructure;

public sealed class OrderingDbContext(DbContextOptions<OrderingDbContext> options) : DbContext(options)
{
    public const string IdempotencyKeyIndex = "ux_orders_buyer_idempotency_key";

    public DbSet<Order> Orders => Set<Order>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var order = modelBuilder.Entity<Order>();
        order.ToTable("orders");
        order.HasKey(o => o.Id);
        order.Property(o => o.BuyerId).HasMaxLength(OrderRules.BuyerIdMaxLength);
        order.Property(o => o.Status).HasConversion<string>().HasMaxLength(OrderRules.StatusMaxLength);
        order.Property(o => o.IdempotencyKey).HasMaxLength(OrderRules.IdempotencyKeyMaxLength);
        order.Property(o => o.Version).IsConcurrencyToken();
        // Serves "my orders, newest first".
        order.HasIndex(o => new { o.BuyerId, o.CreatedAt });
        // The database, not a check-then-insert, guarantees one order per buyer and key, even for concurrent retries.
        order.HasIndex(o => new { o.BuyerId, o.IdempotencyKey }).IsUnique().HasFilter("\"IdempotencyKey\" IS NOT NULL").HasDatabaseName(IdempotencyKeyIndex);
        // Serves the saga timeout sweeper, which reads only the few orders still pending.
        order.HasIndex(o => o.CreatedAt).HasFilter("\"Status\" = 'Pending'").HasDatabaseName("ix_orders_pending_created_at");

        // Lines and history belong to the order: loaded with it, saved with it, never addressed on their own.
        order.OwnsMany(o => o.Lines, line =>
        {
            line.ToTable("order_lines");
            line.WithOwner().HasForeignKey("OrderId");
            line.HasKey("OrderId", nameof(OrderLine.ProductId));
            // The catalog's precision, so an announced price is shown exactly.
            line.Property(l => l.CurrentUnitPrice).HasPrecision(18, 2);
        });
        order.OwnsMany(o => o.History, change =>
        {
            change.ToTable("order_status_changes");
            change.WithOwner().HasForeignKey("OrderId");
            change.Property<long>("Id");
            change.HasKey("Id");
            change.Property(c => c.Status).HasConversion<string>().HasMaxLength(OrderRules.StatusMaxLength);
            change.Property(c => c.Reason).HasMaxLength(OrderRules.ReasonMaxLength);
        });

        modelBuilder.AddEventBusTables();
    }
}
