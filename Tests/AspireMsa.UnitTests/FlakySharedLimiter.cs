using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace AspireMsa.UnitTests;

/// <summary>Stands in for the Redis-backed limiter: it grants everything, or throws what StackExchange.Redis throws when Redis hangs.</summary>
public sealed class FlakySharedLimiter : RateLimiter
{
    private readonly ConcurrencyLimiter _granting = new(new ConcurrencyLimiterOptions { PermitLimit = int.MaxValue, QueueLimit = 0 });

    public bool Failing { get; set; }

    public int Acquired { get; private set; }

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => throw new NotSupportedException();

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (Failing)
        {
            throw new RedisTimeoutException("Timeout awaiting response (outbound=0KiB, inbound=0KiB, 5000ms elapsed)", CommandStatus.Sent);
        }

        Acquired++;
        return _granting.AcquireAsync(permitCount, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _granting.Dispose();
        }

        base.Dispose(disposing);
    }
}
