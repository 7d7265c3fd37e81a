using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AspireMsa.Analytics.Api.Infrastructure;

/// <summary>For <c>dotnet ef migrations add</c> only: it never connects, Aspire supplies the real connection string at run time.</summary>
public sealed class AnalyticsDbContextFactory : IDesignTimeDbContextFactory<AnalyticsDbContext>
{
    public AnalyticsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AnalyticsDbContext>().UseNpgsql("Host=localhost;Database=analyticsdb").Options);
}
