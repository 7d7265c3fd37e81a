using AspireMsa.Storefront.Cart;
using AspireMsa.ServiceDefaults.Routing;
using AspireMsa.Storefront.StoreApi;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AspireMsa.Storefront.Extensions;

public static class StorefrontServiceExtensions
{
    public const string RedisConnectionName = "redis";

    /// <summary>In Development, which storefront replica rendered a page (<see cref="InstanceHeaderMiddleware"/>).</summary>
    public const string InstanceHeaderName = "X-Storefront-Instance";

    private static readonly TimeSpan RedisHealthCheckTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Session clustering: the DataProtection key ring, the sign-in tickets, the session and its cart all live in Redis,
    /// so either replica serves any user and a replica can stop without signing anyone out or emptying a cart.
    /// </summary>
    public static IHostApplicationBuilder AddStorefrontServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorefrontOptions>().BindConfiguration(StorefrontOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // Degraded, not unhealthy, while Redis is away or hangs: the gateway keeps routing to the store, whose catalog
        // pages still render; sign-in and the cart wait for Redis.
        builder.AddRedisClient(RedisConnectionName, settings => settings.DisableHealthChecks = true);
        builder.Services.AddHealthChecks().AddRedis(services => services.GetRequiredService<IConnectionMultiplexer>(), name: RedisConnectionName);
        builder.Services.AddDegradableDependency(RedisConnectionName, RedisHealthCheckTimeout);
        builder.Services.AddDataProtection().SetApplicationName("aspiremsa-storefront");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((options, redis) =>
            options.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), "aspiremsa:storefront:data-protection-keys"));
        builder.Services.AddStackExchangeRedisCache(_ => { });
        builder.Services.AddOptions<Microsoft.Extensions.Caching.StackExchangeRedis.RedisCacheOptions>()
            .Configure<IConnectionMultiplexer>((options, redis) =>
            {
                // One connection for everything: Aspire's, with its health check and traces.
                options.ConnectionMultiplexerFactory = () => Task.FromResult(redis);
                options.InstanceName = "aspiremsa:storefront:";
            });
        builder.Services.AddSession(options =>
        {
            options.Cookie.Name = "__storefront_session";
            options.Cookie.HttpOnly = true;
            options.Cookie.IsEssential = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.IdleTimeout = TimeSpan.FromHours(8);
        });
        builder.Services.AddScoped<CartStore>();

        builder.Services.AddRazorComponents();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddTransient<AccessTokenHandler>();
        builder.Services.AddHttpClient<StoreApiClient>((services, client) =>
                client.BaseAddress = services.GetRequiredService<IOptions<StorefrontOptions>>().Value.GatewayAddress)
            .AddHttpMessageHandler<AccessTokenHandler>();
        return builder;
    }

    /// <summary>
    /// Pages, not problem details: an error or a status without a body (404, 403) renders the storefront's own page for it,
    /// never a stack trace.
    /// </summary>
    public static WebApplication UseStorefrontPages(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseMiddleware<InstanceHeaderMiddleware>(InstanceHeaderName);
        }

        app.UseMiddleware<ContentSecurityPolicyMiddleware>();
        app.UseExceptionHandler(ProblemPage.Path(StatusCodes.Status500InternalServerError), createScopeForErrors: true);
        // A fresh scope for the page: the failed request's scope has already rendered (its navigation state is set).
        app.UseStatusCodePagesWithReExecute(ProblemPage.PathTemplate, createScopeForStatusCodePages: true);
        return app;
    }
}
