using System.Collections.Concurrent;

namespace AspireMsa.ServiceDefaults.Health;

/// <summary>
/// Where background services (relays, sweepers, syncs, monitors) report each round, so a loop that keeps failing shows in
/// <c>/health</c> as Degraded instead of only in its logs. A loop catches its failures and goes on; this only makes them seen.
/// </summary>
public sealed class BackgroundServiceHealth(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, BackgroundServiceStatus> _services = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, BackgroundServiceStatus> Services => _services;

    public void Succeeded(string service)
    {
        if (!_services.TryGetValue(service, out var status) || status.ConsecutiveFailures > 0)
        {
            _services[service] = new BackgroundServiceStatus(0, clock.GetUtcNow(), null);
        }
    }

    /// <returns>How many rounds in a row have now failed, for the caller's backoff.</returns>
    public int Failed(string service, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return Failed(service, $"{exception.GetType().Name}: {exception.Message}");
    }

    /// <returns>How many rounds in a row have now failed, for the caller's backoff.</returns>
    public int Failed(string service, string error) =>
        _services.AddOrUpdate(
            service,
            (_, error) => new BackgroundServiceStatus(1, clock.GetUtcNow(), error),
            (_, status, error) => status with
            {
                ConsecutiveFailures = status.ConsecutiveFailures + 1,
                Since = status.ConsecutiveFailures == 0 ? clock.GetUtcNow() : status.Since,
                LastError = error,
            },
            error).ConsecutiveFailures;

    /// <summary>Doubles <paramref name="interval"/> per failed round in a row, up to <paramref name="max"/>.</summary>
    public static TimeSpan Backoff(TimeSpan interval, int consecutiveFailures, TimeSpan max) =>
        consecutiveFailures <= 0
            ? interval
            : TimeSpan.FromTicks(Math.Min(max.Ticks, interval.Ticks * (1L << Math.Min(consecutiveFailures - 1, 20))));
}
