using System.Text.Json.Serialization;
using AspireMsa.Contracts;
using AspireMsa.EventBus;
using AspireMsa.Ordering.Api.Apis;
using AspireMsa.Ordering.Api.Infrastructure;
using AspireMsa.Ordering.Api.Messaging;
using AspireMsa.Ordering.Api.Saga;
using AspireMsa.ServiceDefaults.Data;

namespace AspireMsa.Ordering.Api.Extensions;

public static class OrderingServiceExtensions
{
    public const string DatabaseName = "orderingdb";
    public const string ServiceName = "ordering";
    public const string AdminRole = "admin";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // Orders belong to the subject of the validated token; the gateway checked it already, this service checks it again.
        builder.AddDefaultAuthentication(ServiceName);
        builder.AddNpgsqlDbContext<OrderingDbContext>(DatabaseName, configureDbContextOptions: options => options.LogFailedCommandsAsWarnings());
        builder.Services.AddMigration<OrderingDbContext>();
        builder.Services.AddValidation();
        builder.Services.AddOptions<OrderLimitsOptions>()
            .BindConfiguration(OrderLimitsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOpenApi();
        // Statuses travel as "Pending", not 0, so clients and the OpenAPI document read the same words as the database.
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        builder.AddOrderSaga();
        builder.AddCapability(new("Places orders and owns their state; coordinates the order saga with inventory.", "team-ordering"))
            .WithTables<OrderingDbContext>();
        return builder;
    }

    /// <summary>The order saga: Ordering's side of the event bus, its metrics, and the timeout that cancels unanswered orders.</summary>
    private static void AddOrderSaga(this IHostApplicationBuilder builder)
    {
        builder.AddEventBus<OrderingDbContext>(ServiceName)
            .AddPublisher<OrderPlaced>()
            .AddPublisher<OrderCancelled>()
            .AddConsumer<StockReserved, StockReservedHandler>()
            .AddConsumer<StockRejected, StockRejectedHandler>()
            .AddConsumer<ProductPriceChanged, ProductPriceChangedHandler>()
            // For the storefront's live order pages and for analytics; no saga step waits for it.
            .AddBroadcast<OrderStatusChanged>();

        builder.Services.AddSingleton<OrderingMetrics>();
        builder.Services.AddOptions<OrderSagaOptions>()
            .BindConfiguration(OrderSagaOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHostedService<OrderSagaTimeoutSweeper>();
    }
}
