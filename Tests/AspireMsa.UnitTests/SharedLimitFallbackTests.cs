using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using AspireMsa.Gateway.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AspireMsa.UnitTests;

public sealed class SharedLimitFallbackTests : IDisposable
{
    private static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider _clock = new();
    private readonly RecordingLogger<SharedLimitFallback> _logger = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly SharedLimitFallback _fallback;
    private readonly FlakySharedLimiter _shared = new();
    private long _fallbacksCounted;

    public SharedLimitFallbackTests()
    {
        _fallback = new SharedLimitFallback(
            Options.Create(new GatewayRateLimitOptions { SharedStoreBreakDuration = BreakDuration }),
            _services.GetRequiredService<IMeterFactory>(), _clock, _logger);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SharedLimitFallback.MeterName && instrument.Name == "aspiremsa.gateway.ratelimit.local_fallbacks")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _fallbacksCounted, value));
        _listener.Start();
    }

    [Fact]
    public async Task WhileRedisFails_LimitsAreCountedLocally_CountedInTheMetric_AndLoggedOnce()
    {
        using var local = LocalLimiter(permits: 5);
        _shared.Failing = true;

        var leases = new List<bool>();
        for (var i = 0; i < 6; i++)
        {
            using var lease = await _fallback.AcquireAsync(_shared, local, 1, CancellationToken.None);
            leases.Add(lease.IsAcquired);
        }

        // Past the break, the probe fails again and the breaker re-opens: still one warning for the one outage.
        _clock.Advance(BreakDuration);
        using (await _fallback.AcquireAsync(_shared, local, 1, CancellationToken.None))
        {
        }

        Assert.Equal([true, true, true, true, true, false], leases);
        Assert.True(_fallback.IsLocal);
        Assert.Equal(7, Interlocked.Read(ref _fallbacksCounted));
        Assert.Single(_logger.Entries, entry => entry.Message.StartsWith("Shared rate limits unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhenRedisAnswersAgain_LimitsAreSharedAgain()
    {
        using var local = LocalLimiter(permits: 100);
        _shared.Failing = true;
        for (var i = 0; i < 4; i++)
        {
            using var lease = await _fallback.AcquireAsync(_shared, local, 1, CancellationToken.None);
        }

        _shared.Failing = false;
        _clock.Advance(BreakDuration);
        var sharedBefore = _shared.Acquired;
        for (var i = 0; i < 3; i++)
        {
            using var lease = await _fallback.AcquireAsync(_shared, local, 1, CancellationToken.None);
            Assert.True(lease.IsAcquired);
        }

        Assert.Equal(sharedBefore + 3, _shared.Acquired);
        Assert.False(_fallback.IsLocal);
        Assert.Contains(_logger.Entries, entry => entry.Message.StartsWith("Shared rate limits are back", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APartitionCountedInRedis_IsIdleOnlySinceItsLastRequest_SoTheLimiterNeverDisposesItUnderTraffic()
    {
        // The partitioned limiter disposes a partition idle for 10 s; its local limiter is idle all the while Redis counts.
        using var partition = new SharedOrLocalRateLimiter(new FlakySharedLimiter(), LocalLimiter(permits: 100), _fallback, _clock);
        using (await partition.AcquireAsync())
        {
        }

        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.FromSeconds(30), partition.IdleDuration);

        using (await partition.AcquireAsync())
        {
        }

        Assert.Equal(TimeSpan.Zero, partition.IdleDuration);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _shared.Dispose();
        _services.Dispose();
    }

    private static FixedWindowRateLimiter LocalLimiter(int permits) => new(new FixedWindowRateLimiterOptions
    {
        PermitLimit = permits,
        Window = TimeSpan.FromHours(1),
        QueueLimit = 0,
        AutoReplenishment = false,
    });
}
