namespace AspireMsa.Gateway.Canary;

/// <summary>
/// Requests and errors over a sliding window, in one-second buckets (a ring indexed by the second), so recording is O(1)
/// and old seconds fall out by themselves. Hand-written: it is a few lines, and Polly's equivalent is internal to its breaker.
/// </summary>
public sealed class CanaryOutcomeWindow
{
    private readonly TimeProvider _clock;
    private readonly int _seconds;
    private readonly Lock _gate = new();
    private readonly long[] _bucketSecond;
    private readonly int[] _requests;
    private readonly int[] _errors;

    public CanaryOutcomeWindow(TimeSpan window, TimeProvider clock)
    {
        _clock = clock;
        _seconds = Math.Max(1, (int)Math.Ceiling(window.TotalSeconds));
        _bucketSecond = new long[_seconds];
        _requests = new int[_seconds];
        _errors = new int[_seconds];
    }

    public void Record(bool isError)
    {
        var second = _clock.GetUtcNow().ToUnixTimeSeconds();
        var index = (int)(second % _seconds);
        lock (_gate)
        {
            if (_bucketSecond[index] != second)
            {
                _bucketSecond[index] = second;
                _requests[index] = 0;
                _errors[index] = 0;
            }

            _requests[index]++;
            if (isError)
            {
                _errors[index]++;
            }
        }
    }

    public (int Requests, int Errors) Totals()
    {
        var oldest = _clock.GetUtcNow().ToUnixTimeSeconds() - _seconds + 1;
        var requests = 0;
        var errors = 0;
        lock (_gate)
        {
            for (var index = 0; index < _seconds; index++)
            {
                if (_bucketSecond[index] >= oldest)
                {
                    requests += _requests[index];
                    errors += _errors[index];
                }
            }
        }

        return (requests, errors);
    }

    public void Clear()
    {
        lock (_gate)
        {
            Array.Clear(_bucketSecond);
            Array.Clear(_requests);
            Array.Clear(_errors);
        }
    }
}
