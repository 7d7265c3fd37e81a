using System.Text.Json.Serialization;
using AspireMsa.Analytics.Api.Capability;
using AspireMsa.Analytics.Api.Infrastructure;
using AspireMsa.Analytics.Api.Jobs;
using AspireMsa.Analytics.Api.Lake;
using AspireMsa.Analytics.Api.Marts;
using AspireMsa.Analytics.Api.Query;
using AspireMsa.Analytics.Api.Warehouse;
using AspireMsa.EventBus;
using AspireMsa.ServiceDefaults.Data;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;

namespace AspireMsa.Analytics.Api.Extensions;

public static class AnalyticsServiceExtensions
{
    public const string DatabaseName = "analyticsdb";
    public const string ServiceName = "analytics";

    /// <summary>
    /// Few workers: a job run is one day's extract or one warehouse build, and each idle worker polls the queue. Two let a
    /// second run wait its turn (extracts and builds each run one at a time) without blocking the schedule.
    /// </summary>
    private const int JobWorkers = 2;

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication(ServiceName);
        builder.AddNpgsqlDbContext<AnalyticsDbContext>(DatabaseName, configureDbContextOptions: options => options.LogFailedCommandsAsWarnings());
        builder.Services.AddMigration<AnalyticsDbContext>();
        builder.Services.AddValidation();
        builder.Services.AddOpenApi();
        // States travel as "Succeeded", not 3, so clients and the OpenAPI document read the same words as the database.
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        // Fed only by events: every event type the lake has a table for, landed through the same inbox as every service.
        var bus = builder.AddEventBus<AnalyticsDbContext>(ServiceName);
        foreach (var table in LakeTables.All)
        {
            table.Subscribe(bus);
        }

        builder.Services.AddOptions<LakeOptions>()
            .BindConfiguration(LakeOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<LakeWriter>();

        builder.Services.AddOptions<WarehouseOptions>()
            .BindConfiguration(WarehouseOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<WarehouseFile>();
        builder.Services.AddSingleton<CustomerPseudonyms>();
        builder.Services.AddSingleton<StarSchema>();
        builder.Services.AddSingleton<SalesDailyQuery>();
        builder.Services.AddSingleton<MartFiles>();
        builder.Services.AddSingleton<MartBuilder>();

        builder.Services.AddOptions<QueryOptions>()
            .BindConfiguration(QueryOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<QuerySandbox>();
        builder.Services.AddHttpClient<CatalogClient>((services, http) =>
            http.BaseAddress = services.GetRequiredService<IOptions<WarehouseOptions>>().Value.Gateway);

        builder.AddJobs();
        builder.AddCapability(new("Lands every event in a Parquet lake and builds a DuckDB sales warehouse from it, with scheduled jobs.", "team-data"))
            .WithTables<AnalyticsDbContext>().WithDatasets<LakeAndWarehouseDatasets>();
        return builder;
    }

    /// <summary>Hangfire, with its storage in its own schema of the service's database, and the run history around it.</summary>
    private static void AddJobs(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(DatabaseName)
            ?? throw new InvalidOperationException($"The connection string '{DatabaseName}' is missing.");
        builder.Services.AddHangfire(hangfire => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                storage => storage.UseNpgsqlConnection(connectionString),
                new PostgreSqlStorageOptions
                {
                    SchemaName = AnalyticsDbContext.HangfireSchema,
                    PrepareSchemaIfNecessary = true,
                    // LISTEN/NOTIFY wakes a worker when a run is enqueued, instead of a poll every few seconds.
                    EnableLongPolling = true,
                }));
        builder.Services.AddHangfireServer(server => server.WorkerCount = JobWorkers);

        builder.Services.AddSingleton<JobTelemetry>();
        builder.Services.AddScoped<JobRunStarter>();
        builder.Services.AddScoped<LakeExtractor>();
        builder.Services.AddScoped<LakeExtractJob>();
        builder.Services.AddScoped<DailySalesSteps>();
        builder.Services.AddHostedService<JobSchedules>();
    }
}
