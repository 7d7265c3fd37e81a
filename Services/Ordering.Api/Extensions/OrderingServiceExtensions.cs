using System.Text.Json.Serialization;
using AspireMsa.Ordering.Api.Infrastructure;

namespace AspireMsa.Ordering.Api.Extensions;

public static class OrderingServiceExtensions
{
    public const string DatabaseName = "orderingdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<OrderingDbContext>(DatabaseName);
        builder.Services.AddMigration<OrderingDbContext>();
        builder.Services.AddValidation();
        builder.Services.AddOpenApi();
        // Statuses travel as "Pending", not 0, so clients and the OpenAPI document read the same words as the database.
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return builder;
    }
}
