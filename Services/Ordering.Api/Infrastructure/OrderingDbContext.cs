using AspireMsa.Ordering.Api.Model;
using Microsoft.EntityFrameworkCore;

namespace AspireMsa.Ordering.Api.Infrastructure;

public sealed class OrderingDbContext(DbContextOptions<OrderingDbContext> options) : DbContext(options)
{
    public DbSet<Order> Orders => Set<Order>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var order = modelBuilder.Entity<Order>();
        order.ToTable("orders");
        order.HasKey(o => o.Id);
        order.Property(o => o.BuyerId).HasMaxLength(OrderRules.BuyerIdMaxLength);
        order.Property(o => o.Status).HasConversion<string>().HasMaxLength(OrderRules.StatusMaxLength);
        // Serves "my orders, newest first".
        order.HasIndex(o => new { o.BuyerId, o.CreatedAt });

        // Lines and history belong to the order: loaded with it, saved with it, never addressed on their own.
        order.OwnsMany(o => o.Lines, line =>
        {
            line.ToTable("order_lines");
            line.WithOwner().HasForeignKey("OrderId");
            line.HasKey("OrderId", nameof(OrderLine.ProductId));
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
    }
}
