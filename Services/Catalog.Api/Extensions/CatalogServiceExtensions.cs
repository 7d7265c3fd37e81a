using AspireMsa.Catalog.Api.Infrastructure;
using AspireMsa.Catalog.Api.ReadModel;

namespace AspireMsa.Catalog.Api.Extensions;

public static class CatalogServiceExtensions
{
    public const string DatabaseName = "catalogdb";
    public const string Audience = "catalog";
    public const string AdminRole = "admin";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication(Audience);
        builder.AddNpgsqlDbContext<CatalogDbContext>(DatabaseName);
        builder.Services.AddMigration<CatalogDbContext>();
        builder.AddReadModel();
        builder.Services.AddValidation();
        builder.Services.AddOpenApi();
        return builder;
    }
}
