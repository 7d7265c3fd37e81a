using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using RedisRateLimiting;
using StackExchange.Redis;

namespace AspireMsa.Gateway.RateLimiting;

public static class GatewayRateLimitingExtensions
{
    /// <summary>
    /// Per user when authenticated, per client IP otherwise, plus a strict limit on the token endpoint per IP and per
    /// username — all fixed windows counted in Redis by RedisRateLimiting, so every gateway replica sees the same counts,
    /// and counted per replica while Redis does not answer (<see cref="SharedLimitFallback"/>).
    /// </summary>
    public static IHostApplicationBuilder AddGatewayRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayRateLimitOptions>()
            .BindConfiguration(GatewayRateLimitOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton<SharedLimitFallback>();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<GatewayRateLimitOptions>, IConnectionMultiplexer, SharedLimitFallback, TimeProvider>((options, limits, redis, fallback, clock) =>
            {
                options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                    PartitionedRateLimiter.Create<HttpContext, string>(context => ClientPartition(context, limits.Value, redis, fallback, clock)),
                    PartitionedRateLimiter.Create<HttpContext, string>(context => TokenEndpointPartition(context, limits.Value, redis, fallback, clock)));
                options.OnRejected = WriteRejectionAsync;
            });
        return builder;
    }

    public static IApplicationBuilder UseGatewayRateLimiting(this IApplicationBuilder app) =>
        app.UseMiddleware<TokenRequestUsernameMiddleware>().UseRateLimiter();

    private static RateLimitPartition<string> ClientPartition(
        HttpContext context, GatewayRateLimitOptions limits, IConnectionMultiplexer redis, SharedLimitFallback fallback, TimeProvider clock)
    {
        var userId = context.User.FindFirst("sub")?.Value;
        return userId is not null
            ? FixedWindow($"user:{userId}", limits.PerUser, redis, fallback, clock)
            : FixedWindow($"ip:{ClientIp(context)}", limits.PerAnonymousClient, redis, fallback, clock);
    }

    /// <summary>
    /// Guesses are counted per client IP and username together: a guesser is stopped after a few tries, while other
    /// users behind the same IP (an office, a test run) keep signing in; the per-client limit still caps the IP as a whole.
    /// </summary>
    private static RateLimitPartition<string> TokenEndpointPartition(
        HttpContext context, GatewayRateLimitOptions limits, IConnectionMultiplexer redis, SharedLimitFallback fallback, TimeProvider clock) =>
        context.Items[TokenRequestUsernameMiddleware.UsernameItemKey] is string { Length: > 0 } username
            ? FixedWindow($"token:{ClientIp(context)}:{username}", limits.TokenEndpoint, redis, fallback, clock)
            : RateLimitPartition.GetNoLimiter(string.Empty);

    private static RateLimitPartition<string> FixedWindow(
        string key, FixedWindowLimit limit, IConnectionMultiplexer redis, SharedLimitFallback fallback, TimeProvider clock) =>
        RateLimitPartition.Get($"aspiremsa:ratelimit:{key}", partitionKey => new SharedOrLocalRateLimiter(
            new RedisFixedWindowRateLimiter<string>(partitionKey, new RedisFixedWindowRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis,
                PermitLimit = limit.PermitLimit,
                Window = limit.Window,
            }),
            new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit.PermitLimit,
                Window = limit.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            }),
            fallback,
            clock));

    private static string ClientIp(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"The rate limit for this client was reached; retry after {seconds} seconds.",
            },
        });
    }
}
