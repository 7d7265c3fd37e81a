using AspireMsa.Catalog.Api.Infrastructure;

namespace AspireMsa.Catalog.Api.Extensions;

public static class CatalogServiceExtensions
{
    public const string DatabaseName = "catalogdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<CatalogDbContext>(DatabaseName);
        builder.Services.AddMigration<CatalogDbContext>();
        builder.Services.AddValidation();
        builder.Services.AddOpenApi();
        return builder;
    }
}
