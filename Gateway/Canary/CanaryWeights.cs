using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AspireMsa.Gateway.Canary;

/// <summary>
/// The canary weight of each release. Redis holds the truth so every gateway replica routes alike; each replica keeps a
/// copy in memory (routing never waits on Redis) that a pub/sub message refreshes at once and a periodic read repairs.
/// If Redis is unreachable the last known weights stay in force.
/// </summary>
public sealed partial class CanaryWeights(IConnectionMultiplexer redis, IOptions<CanaryOptions> options, ILogger<CanaryWeights> logger)
{
    public static readonly RedisChannel ChangesChannel = RedisChannel.Literal("aspiremsa:gateway:canary:changes");

    private readonly ConcurrentDictionary<string, int> _weights = new(
        options.Value.Releases.Select(release => KeyValuePair.Create(release.Key, release.Value.InitialCanaryWeight)),
        StringComparer.OrdinalIgnoreCase);

    public event Action<string, int>? Changed;

    public int Get(string release) => _weights.GetValueOrDefault(release);

    /// <summary>Stores the weight for every replica and tells them; answers false when the weight was already that.</summary>
    public async Task<bool> SetAsync(string release, int canaryWeight, string reason)
    {
        var previous = await redis.GetDatabase().StringGetSetAsync(WeightKey(release), canaryWeight);
        await redis.GetSubscriber().PublishAsync(ChangesChannel, release);
        Apply(release, canaryWeight);
        var changed = !previous.TryParse(out int before) || before != canaryWeight;
        if (changed)
        {
            LogWeightSet(logger, release, canaryWeight, reason);
        }

        return changed;
    }

    /// <summary>Reads every release's weight; the first replica to start writes the configured initial weight.</summary>
    public async Task RefreshAsync()
    {
        var database = redis.GetDatabase();
        foreach (var (release, settings) in options.Value.Releases)
        {
            await database.StringSetAsync(WeightKey(release), settings.InitialCanaryWeight, when: When.NotExists);
            await RefreshAsync(release);
        }
    }

    public async Task RefreshAsync(string release)
    {
        if (options.Value.Releases.ContainsKey(release) && (await redis.GetDatabase().StringGetAsync(WeightKey(release))).TryParse(out int weight))
        {
            Apply(release, weight);
        }
    }

    private static RedisKey WeightKey(string release) => $"aspiremsa:gateway:canary:{release.ToLowerInvariant()}:weight";

    private void Apply(string release, int weight)
    {
        var clamped = Math.Clamp(weight, 0, CanaryBuckets.Count);
        if (_weights.TryGetValue(release, out var current) && current == clamped)
        {
            return;
        }

        _weights[release] = clamped;
        Changed?.Invoke(release, clamped);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Canary weight of {Release} set to {CanaryWeight}% ({Reason})")]
    private static partial void LogWeightSet(ILogger logger, string release, int canaryWeight, string reason);
}
