using System.Threading.RateLimiting;

namespace AspireMsa.Gateway.RateLimiting;

/// <summary>
/// One partition's limit: counted in Redis, shared by every replica, while Redis answers; counted by this replica alone,
/// with the same permits and window, while it does not (<see cref="SharedLimitFallback"/>).
/// </summary>
public sealed class SharedOrLocalRateLimiter(RateLimiter shared, RateLimiter local, SharedLimitFallback fallback, TimeProvider clock) : RateLimiter
{
    private long _lastUsed = clock.GetTimestamp();

    /// <summary>
    /// Idle since this partition's last request, and never while its local window still holds counts. The partitioned
    /// limiter disposes a partition idle for 10 s; the local limiter alone is idle the whole time Redis counts, so a busy
    /// partition would be disposed under a request that had just picked it (ObjectDisposedException, a 500).
    /// </summary>
    public override TimeSpan? IdleDuration =>
        local.IdleDuration is null ? null : clock.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => local.GetStatistics();

    /// <summary>Never decided without Redis; the middleware then calls <see cref="AcquireAsyncCore"/>, as RedisRateLimiting expects.</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        MarkUsed();
        return shared.AttemptAcquire(permitCount);
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        MarkUsed();
        return fallback.AcquireAsync(shared, local, permitCount, cancellationToken);
    }

    private void MarkUsed() => Interlocked.Exchange(ref _lastUsed, clock.GetTimestamp());

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            shared.Dispose();
            local.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await shared.DisposeAsync();
        await local.DisposeAsync();
    }
}
