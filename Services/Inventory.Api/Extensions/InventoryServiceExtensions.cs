using AspireMsa.Inventory.Api.Infrastructure;

namespace AspireMsa.Inventory.Api.Extensions;

public static class InventoryServiceExtensions
{
    public const string DatabaseName = "inventorydb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<InventoryDbContext>(DatabaseName);
        builder.Services.AddMigration<InventoryDbContext>();
        builder.Services.AddValidation();
        builder.Services.AddOpenApi();
        return builder;
    }
}
