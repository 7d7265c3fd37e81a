using AspireMsa.ServiceDefaults.Health;
using StackExchange.Redis;

namespace AspireMsa.Gateway.Canary;

/// <summary>
/// Keeps this replica's copy of the weights current: at once on a change message, and every few seconds regardless.
/// Redis failing or hanging never ends the loop (it would stop the host): routing keeps the last known weights, the
/// rounds back off, and <c>/health</c> shows the sync as retrying until Redis answers again.
/// </summary>
public sealed partial class CanaryWeightSync(
    CanaryWeights weights, IConnectionMultiplexer redis, BackgroundServiceHealth health, TimeProvider clock, ILogger<CanaryWeightSync> logger)
    : BackgroundService
{
    public const string HealthName = "canary-weight-sync";

    // The safety net for a change message lost while this replica was disconnected from Redis.
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(20);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscribed = false;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!subscribed)
                {
                    // The client re-subscribes by itself after a reconnect; only a subscription that never happened is retried.
                    await redis.GetSubscriber().SubscribeAsync(CanaryWeights.ChangesChannel, (channel, release) => _ = RefreshQuietlyAsync(release.ToString()));
                    subscribed = true;
                }

                await weights.RefreshAsync();
                health.Succeeded(HealthName);
                failures = 0;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // RedisTimeoutException is a TimeoutException, not a RedisException: catch everything but our own stop.
                failures = health.Failed(HealthName, exception);
                LogRefreshFailed(logger, failures, exception);
            }

            await Task.Delay(BackgroundServiceHealth.Backoff(RefreshInterval, failures, MaxBackoff), clock, stoppingToken);
        }
    }

    private async Task RefreshQuietlyAsync(string release)
    {
        try
        {
            await weights.RefreshAsync(release);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogRefreshFailed(logger, 1, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Could not read canary weights from Redis ({Failures} rounds in a row); the last known weights stay in force")]
    private static partial void LogRefreshFailed(ILogger logger, int failures, Exception exception);
}
