using AspireMsa.Gateway.Downstream;
using AspireMsa.Gateway.Middleware;
using AspireMsa.Gateway.RateLimiting;
using AspireMsa.Gateway.Security;
using AspireMsa.ServiceDefaults.Correlation;
using AspireMsa.ServiceDefaults.Routing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AspireMsa.Gateway.Extensions;

public static class GatewayServiceExtensions
{
    public const string ReverseProxySection = "ReverseProxy";
    public const string FrontEndCorsPolicy = "front-end";
    public const string RedisConnectionName = "redis";

    /// <summary>In Development, which gateway replica answered (<see cref="InstanceHeaderMiddleware"/>).</summary>
    public const string InstanceHeaderName = "X-Gateway-Instance";

    // Well inside YARP's and the orchestrator's probe timeouts, so a hung Redis reads as Degraded rather than as no answer.
    private static readonly TimeSpan RedisHealthCheckTimeout = TimeSpan.FromSeconds(1);

    public static IHostApplicationBuilder AddGatewayServices(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient(
            RedisConnectionName,
            // Replaced below by a check that says Degraded: without Redis the gateway still routes, on local limits.
            settings => settings.DisableHealthChecks = true,
            // Fail at once while disconnected instead of queueing for seconds: limits and weights fall back meanwhile.
            redis => redis.BacklogPolicy = BacklogPolicy.FailFast);
        builder.Services.AddHealthChecks().AddRedis(services => services.GetRequiredService<IConnectionMultiplexer>(), name: RedisConnectionName);
        builder.Services.AddDegradableDependency(RedisConnectionName, RedisHealthCheckTimeout);

        // No product banner for scanners, and a cap on what a client may upload through the edge (answered 413).
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        builder.AddRequestBodyLimit();

        // Stateless replicas: the DataProtection key ring lives in Redis, so any replica can read what another wrote.
        builder.Services.AddDataProtection().SetApplicationName("aspiremsa-gateway");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((options, redis) =>
            options.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), "aspiremsa:gateway:data-protection-keys"));

        builder.AddTrustedProxies();
        builder.AddDownstreamServices();
        builder.AddDefaultAuthentication(builder.Configuration.DownstreamAudiences());
        builder.Services.AddAuthorizationBuilder().AddGatewayPolicies();
        builder.AddGatewayRateLimiting();

        builder.Services.AddCors(options => options.AddPolicy(FrontEndCorsPolicy, policy => policy
            .WithOrigins(builder.Configuration.GetSection("Cors:FrontEndOrigins").Get<string[]>() ?? [])
            .WithHeaders("Authorization", "Content-Type", CorrelationIdMiddleware.HeaderName, "Idempotency-Key", "X-Canary")
            .WithMethods("GET", "POST", "PUT", "DELETE")
            .WithExposedHeaders(CorrelationIdMiddleware.HeaderName, "Location", "Retry-After", ServedByHeaderMiddleware.HeaderName)));

        // Structured request logs; headers not listed here (Authorization, Cookie) are logged as [Redacted].
        builder.Services.AddHttpLogging(options =>
        {
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.RequestQuery
                | HttpLoggingFields.RequestHeaders | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            options.RequestHeaders.Add(CorrelationIdMiddleware.HeaderName);
            options.CombineLogs = true;
        });

        builder.Services.AddSingleton<IdentityHeadersTransformProvider>();
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection(ReverseProxySection))
            .AddConfigFilter<DownstreamRouteFilter>()
            .AddTransforms<IdentityHeadersTransformProvider>()
            .AddServiceDiscoveryDestinationResolver();
        return builder;
    }

    /// <summary>The edge pipeline, in order: who is asking, what they may send, how often, and only then where it goes.</summary>
    public static WebApplication UseGatewayPipeline(this WebApplication app)
    {
        // First: logging, limits and identity headers all read the client address it settles.
        app.UseForwardedHeaders();
        if (app.Environment.IsDevelopment())
        {
            app.UseMiddleware<InstanceHeaderMiddleware>(InstanceHeaderName);
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<RequestSizeLimitMiddleware>();
        app.UseHttpLogging();
        app.UseCors(FrontEndCorsPolicy);
        app.UseAuthentication();
        app.UseGatewayRateLimiting();
        app.UseAuthorization();
        // After routing and authorization: a route's Timeout (ReverseProxy:Routes:*:Timeout) bounds only the proxied call.
        app.UseRequestTimeouts();
        return app;
    }
}
