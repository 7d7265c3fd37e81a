using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AspireMsa.Inventory.Api.Infrastructure;

/// <summary>For <c>dotnet ef migrations add</c> only: it never connects, Aspire supplies the real connection string at run time.</summary>
public sealed class InventoryDbContextFactory : IDesignTimeDbContextFactory<InventoryDbContext>
{
    public InventoryDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<InventoryDbContext>().UseNpgsql("Host=localhost;Database=inventorydb").Options);
}
