using AspireMsa.LegacyAdapter.Api.Apis;
using AspireMsa.LegacyAdapter.Api.Infrastructure;
using AspireMsa.LegacyAdapter.Api.NewApi;
using AspireMsa.LegacyAdapter.Api.Security;
using AspireMsa.ServiceDefaults.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AspireMsa.LegacyAdapter.Api.Extensions;

public static class LegacyAdapterServiceExtensions
{
    public const string DatabaseName = "legacydb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LegacyAdapterOptions>()
            .BindConfiguration(LegacyAdapterOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.AddNpgsqlDbContext<LegacyDbContext>(DatabaseName, configureDbContextOptions: options => options.LogFailedCommandsAsWarnings());
        builder.Services.AddMigration<LegacyDbContext>();

        // The legacy client proves itself with its API key; no endpoint here takes a bearer token.
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder().AddPolicy(LegacyApi.ClientPolicy, policy => policy
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser());
        builder.Services.AddExceptionHandler<LegacyExceptionHandler>();
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer<ApiKeySecuritySchemeTransformer>());

        // The new APIs through the gateway, by its discovery name; discovery and the standard resilience handler come with
        // every HttpClient (ServiceDefaults), and the HttpClient instrumentation carries the legacy call's trace onward.
        builder.Services.AddSingleton<AccessTokenSource>();
        builder.Services.AddTransient<AccessTokenHandler>();
        builder.Services.AddHttpClient(AccessTokenSource.HttpClientName);
        builder.Services.AddHttpClient<CatalogClient>(ToTheGateway);
        builder.Services.AddHttpClient<OrderingClient>(ToTheGateway).AddHttpMessageHandler<AccessTokenHandler>();
        // Deprecated by design: the strangler retires it route by route as legacy clients move to the new APIs.
        builder.AddCapability(new("The old XML order interface, translated into the new APIs (an anti-corruption layer).", "team-integration")
        {
            Lifecycle = "deprecated",
        }).WithTables<LegacyDbContext>();
        return builder;
    }

    private static void ToTheGateway(IServiceProvider services, HttpClient http) =>
        http.BaseAddress = services.GetRequiredService<IOptions<LegacyAdapterOptions>>().Value.GatewayAddress;
}
