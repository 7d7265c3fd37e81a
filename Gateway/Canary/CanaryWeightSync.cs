using StackExchange.Redis;

namespace AspireMsa.Gateway.Canary;

/// <summary>Keeps this replica's copy of the weights current: at once on a change message, and every few seconds regardless.</summary>
public sealed partial class CanaryWeightSync(
    CanaryWeights weights, IConnectionMultiplexer redis, TimeProvider clock, ILogger<CanaryWeightSync> logger) : BackgroundService
{
    // The safety net for a change message lost while this replica was disconnected from Redis.
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await redis.GetSubscriber().SubscribeAsync(CanaryWeights.ChangesChannel, (channel, release) => _ = RefreshQuietlyAsync(release.ToString()));
        using var timer = new PeriodicTimer(RefreshInterval, clock);
        do
        {
            try
            {
                await weights.RefreshAsync();
            }
            catch (RedisException exception)
            {
                LogRefreshFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RefreshQuietlyAsync(string release)
    {
        try
        {
            await weights.RefreshAsync(release);
        }
        catch (RedisException exception)
        {
            LogRefreshFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read canary weights from Redis; the last known weights stay in force")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
