using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AspireMsa.Catalog.Api.Infrastructure;

/// <summary>For <c>dotnet ef migrations add</c> only: it never connects, Aspire supplies the real connection string at run time.</summary>
public sealed class CatalogDbContextFactory : IDesignTimeDbContextFactory<CatalogDbContext>
{
    public CatalogDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CatalogDbContext>().UseNpgsql("Host=localhost;Database=catalogdb").Options);
}
