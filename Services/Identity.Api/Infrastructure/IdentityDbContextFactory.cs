using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AspireMsa.Identity.Api.Infrastructure;

/// <summary>For <c>dotnet ef migrations add</c> only: it never connects, Aspire supplies the real connection string at run time.</summary>
public sealed class IdentityDbContextFactory : IDesignTimeDbContextFactory<IdentityDbContext>
{
    public IdentityDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IdentityDbContext>().UseNpgsql("Host=localhost;Database=identitydb").Options);
}
