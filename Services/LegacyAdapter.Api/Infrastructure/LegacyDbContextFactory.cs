using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AspireMsa.LegacyAdapter.Api.Infrastructure;

/// <summary>For <c>dotnet ef migrations add</c> only: it never connects, Aspire supplies the real connection string at run time.</summary>
public sealed class LegacyDbContextFactory : IDesignTimeDbContextFactory<LegacyDbContext>
{
    public LegacyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<LegacyDbContext>().UseNpgsql("Host=localhost;Database=legacydb").Options);
}
