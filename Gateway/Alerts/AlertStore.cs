using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AspireMsa.Gateway.Alerts;

/// <summary>
/// Keeps the latest state of each alert in one Redis hash keyed by fingerprint, so every gateway replica lists the same
/// alerts whichever replica Alertmanager posted to. Alertmanager deduplicates by fingerprint too, which bounds the hash.
/// </summary>
public sealed class AlertStore(IConnectionMultiplexer redis, IOptions<AlertsOptions> options)
{
    private const string Key = "aspiremsa:gateway:alerts";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SaveAsync(IReadOnlyCollection<StoredAlert> alerts)
    {
        var db = redis.GetDatabase();
        await db.HashSetAsync(Key, [.. alerts.Select(alert => new HashEntry(alert.Fingerprint, JsonSerializer.Serialize(alert, Json)))]);
        await db.KeyExpireAsync(Key, options.Value.Retention);
    }

    public async Task<StoredAlert[]> ListAsync()
    {
        var entries = await redis.GetDatabase().HashValuesAsync(Key);
        return [.. entries
            .Select(entry => JsonSerializer.Deserialize<StoredAlert>(entry.ToString(), Json)!)
            .OrderByDescending(alert => alert.ReceivedAt)];
    }
}
