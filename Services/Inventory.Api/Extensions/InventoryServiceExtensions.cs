using AspireMsa.Contracts;
using AspireMsa.EventBus;
using AspireMsa.Inventory.Api.Infrastructure;
using AspireMsa.Inventory.Api.Messaging;
using AspireMsa.ServiceDefaults.Data;

namespace AspireMsa.Inventory.Api.Extensions;

public static class InventoryServiceExtensions
{
    public const string DatabaseName = "inventorydb";
    public const string ServiceName = "inventory";
    public const string AdminRole = "admin";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication(ServiceName);
        builder.AddNpgsqlDbContext<InventoryDbContext>(DatabaseName, configureDbContextOptions: options => options.LogFailedCommandsAsWarnings());
        builder.Services.AddMigration<InventoryDbContext>();
        builder.Services.AddValidation();
        builder.Services.AddOpenApi();

        // Inventory's side of the order saga: reserve or reject new orders, release cancelled ones.
        builder.AddEventBus<InventoryDbContext>(ServiceName)
            .AddPublisher<StockReserved>()
            .AddPublisher<StockRejected>()
            .AddConsumer<OrderPlaced, OrderPlacedHandler>()
            .AddConsumer<OrderCancelled, OrderCancelledHandler>()
            // Not part of the saga: the catalog's prices value the stock.
            .AddConsumer<ProductPriceChanged, ProductPriceChangedHandler>();
        builder.AddCapability(new("Keeps stock per product and reserves or rejects each order's lines.", "team-ordering"))
            .WithTables<InventoryDbContext>();
        return builder;
    }
}
