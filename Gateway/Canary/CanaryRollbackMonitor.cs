using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AspireMsa.Gateway.Canary;

/// <summary>
/// Watches each canary's error rate (5xx answers and proxy errors) over a sliding window and, when it passes the
/// threshold, sets the canary's weight to 0 for every replica, logs it at Error and publishes a rollback event. Each
/// replica judges the traffic it sees; the first to decide rolls back and the others find the weight already at 0.
/// </summary>
public sealed partial class CanaryRollbackMonitor
{
    public static readonly RedisChannel EventsChannel = RedisChannel.Literal("aspiremsa:gateway:canary:events");

    private readonly IOptions<CanaryOptions> _options;
    private readonly CanaryWeights _weights;
    private readonly IConnectionMultiplexer _redis;
    private readonly CanaryMetrics _metrics;
    private readonly TimeProvider _clock;
    private readonly ILogger<CanaryRollbackMonitor> _logger;
    private readonly Dictionary<string, CanaryOutcomeWindow> _windows;
    private readonly ConcurrentDictionary<string, bool> _rollingBack = new(StringComparer.OrdinalIgnoreCase);

    public CanaryRollbackMonitor(
        IOptions<CanaryOptions> options, CanaryWeights weights, IConnectionMultiplexer redis, CanaryMetrics metrics, TimeProvider clock,
        ILogger<CanaryRollbackMonitor> logger)
    {
        _options = options;
        _weights = weights;
        _redis = redis;
        _metrics = metrics;
        _clock = clock;
        _logger = logger;
        _windows = options.Value.Releases.ToDictionary(
            release => release.Key, release => new CanaryOutcomeWindow(release.Value.Rollback.Window, clock), StringComparer.OrdinalIgnoreCase);
        // A canary sent traffic again starts with a clean record, not with the errors that rolled it back.
        weights.Changed += (release, weight) =>
        {
            if (weight > 0 && _windows.TryGetValue(release, out var window))
            {
                window.Clear();
            }
        };
    }

    public void Record(string release, bool isError)
    {
        var rollback = _options.Value.Releases[release].Rollback;
        if (!rollback.Enabled)
        {
            return;
        }

        var window = _windows[release];
        window.Record(isError);
        if (!isError || _weights.Get(release) == 0)
        {
            return;
        }

        var (requests, errors) = window.Totals();
        if (requests >= rollback.MinimumRequests && errors >= rollback.ErrorRateThreshold * requests && _rollingBack.TryAdd(release, true))
        {
            _ = RollBackAsync(release, requests, errors, rollback.Window);
        }
    }

    private async Task RollBackAsync(string release, int requests, int errors, TimeSpan window)
    {
        try
        {
            var reason = $"automatic rollback: {errors} of {requests} canary requests failed in {window.TotalSeconds:0} s";
            if (await _weights.SetAsync(release, 0, reason))
            {
                _metrics.RecordRollback(release);
                LogRolledBack(_logger, release, errors, requests, window.TotalSeconds);
                var rolledBack = new CanaryRolledBack(release, errors, requests, window, _clock.GetUtcNow());
                await _redis.GetSubscriber().PublishAsync(EventsChannel, JsonSerializer.Serialize(rolledBack, JsonSerializerOptions.Web));
            }
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogRollbackFailed(_logger, release, exception);
        }
        finally
        {
            _windows[release].Clear();
            _rollingBack.TryRemove(release, out _);
        }
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Canary of {Release} rolled back: {Errors} of {Requests} requests failed within {WindowSeconds} s; its weight is now 0")]
    private static partial void LogRolledBack(ILogger logger, string release, int errors, int requests, double windowSeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not roll back the canary of {Release}: Redis is unreachable")]
    private static partial void LogRollbackFailed(ILogger logger, string release, Exception exception);
}
