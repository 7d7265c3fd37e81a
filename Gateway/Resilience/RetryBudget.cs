namespace AspireMsa.Gateway.Resilience;

/// <summary>
/// A token bucket for retries: every request deposits <c>ratio</c> of a token, every retry spends one, and a floor of
/// <c>minPerSecond</c> tokens accrues with time. When a destination fails wholesale the retries stay a fraction of the
/// traffic instead of multiplying it (a retry storm). Hand-written because Polly's retry strategy has no budget.
/// </summary>
public sealed class RetryBudget
{
    // Unspent tokens are capped at ten seconds of the floor, so a long quiet spell cannot fund a burst of retries.
    private const int CapInSecondsOfFloor = 10;

    private readonly double _ratio;
    private readonly double _minPerSecond;
    private readonly double _cap;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private double _tokens;
    private long _lastRefill;

    public RetryBudget(double ratio, int minPerSecond, TimeProvider clock)
    {
        _ratio = ratio;
        _minPerSecond = minPerSecond;
        _cap = Math.Max(1, minPerSecond * CapInSecondsOfFloor);
        _clock = clock;
        _lastRefill = clock.GetTimestamp();
        _tokens = minPerSecond;
    }

    public void RecordRequest()
    {
        lock (_gate)
        {
            Refill();
            _tokens = Math.Min(_cap, _tokens + _ratio);
        }
    }

    public bool TryWithdraw()
    {
        lock (_gate)
        {
            Refill();
            if (_tokens < 1)
            {
                return false;
            }

            _tokens--;
            return true;
        }
    }

    private void Refill()
    {
        var now = _clock.GetTimestamp();
        _tokens = Math.Min(_cap, _tokens + (_clock.GetElapsedTime(_lastRefill, now).TotalSeconds * _minPerSecond));
        _lastRefill = now;
    }
}
