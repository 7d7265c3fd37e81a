using AspireMsa.Catalog.Api.Apis;
using AspireMsa.Catalog.Api.Infrastructure;
using AspireMsa.Catalog.Api.ReadModel;
using AspireMsa.Contracts;
using AspireMsa.EventBus;
using AspireMsa.ServiceDefaults.Data;

namespace AspireMsa.Catalog.Api.Extensions;

public static class CatalogServiceExtensions
{
    public const string DatabaseName = "catalogdb";
    public const string Audience = "catalog";
    public const string AdminRole = "admin";
    // Every catalog version publishes as "catalog": one source, so consumers order one product's events across versions.
    public const string EventSource = "catalog";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication(Audience);
        builder.AddNpgsqlDbContext<CatalogDbContext>(DatabaseName, configureDbContextOptions: options => options.LogFailedCommandsAsWarnings());
        builder.Services.AddMigration<CatalogDbContext>();
        builder.AddReadModel();
        // Publishes the product events through the transactional outbox; the catalog consumes no events. ProductPriceChanged
        // is mandatory (Ordering and Inventory price with it); the product's life is for whoever keeps a copy (analytics, an
        // optional capability), so with no subscriber it is dropped rather than parked.
        builder.AddEventBus<CatalogDbContext>(EventSource)
            .AddPublisher<ProductPriceChanged>()
            .AddBroadcast<ProductCreated>()
            .AddBroadcast<ProductUpdated>()
            .AddBroadcast<ProductDeleted>();
        builder.Services.AddCatalogApiVersion();
        builder.Services.AddValidation();
        builder.Services.AddOpenApi();
        builder.AddCapability(new("The product catalog: products and prices, read from a Redis read model (CQRS write-through).", "team-catalog"))
            .WithTables<CatalogDbContext>();
        return builder;
    }

    /// <summary>The version this process answers as, checked at start: a typo must not serve v1 under a v2 name.</summary>
    public static IServiceCollection AddCatalogApiVersion(this IServiceCollection services)
    {
        services.AddOptions<CatalogApiVersion.Options>()
            .BindConfiguration(CatalogApiVersion.Options.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services.AddSingleton<CatalogApiVersion>();
    }
}
