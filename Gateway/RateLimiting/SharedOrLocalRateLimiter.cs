using System.Threading.RateLimiting;

namespace AspireMsa.Gateway.RateLimiting;

/// <summary>
/// One partition's limit: counted in Redis, shared by every replica, while Redis answers; counted by this replica alone,
/// with the same permits and window, while it does not (<see cref="SharedLimitFallback"/>).
/// </summary>
public sealed class SharedOrLocalRateLimiter(RateLimiter shared, RateLimiter local, SharedLimitFallback fallback) : RateLimiter
{
    // Keeps the partition while its local window still holds counts; the shared limiter is stateless in memory.
    public override TimeSpan? IdleDuration => local.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => local.GetStatistics();

    /// <summary>Never decided without Redis; the middleware then calls <see cref="AcquireAsyncCore"/>, as RedisRateLimiting expects.</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => shared.AttemptAcquire(permitCount);

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        fallback.AcquireAsync(shared, local, permitCount, cancellationToken);

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
