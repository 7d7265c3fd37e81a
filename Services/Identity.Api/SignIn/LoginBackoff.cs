namespace AspireMsa.Identity.Api.SignIn;

/// <summary>The arithmetic of <see cref="LoginThrottleOptions"/>: how a score decays and what delay it imposes.</summary>
public sealed class LoginBackoff(LoginThrottleOptions options)
{
    /// <summary>
    /// The score can climb only while attempts come faster than it decays; at one attempt per <see cref="LoginThrottleOptions.MaxDelay"/>
    /// it settles at 1 / (1 - 2^(-MaxDelay/HalfLife)). Below the score where delays reach their cap it grows by one per attempt.
    /// </summary>
    public double HighestReachableScore
    {
        get
        {
            var steady = 1 / (1 - Math.Pow(2, -options.MaxDelay / options.HalfLife));
            var capReachedAt = options.FreeAttempts + Math.Log2(options.MaxDelay / options.BaseDelay) + 1;
            return Math.Max(steady, capReachedAt) + 1;
        }
    }

    public double Decay(double score, TimeSpan elapsed) =>
        elapsed <= TimeSpan.Zero ? score : score * Math.Pow(2, -elapsed / options.HalfLife);

    /// <summary>How long the next attempt must wait after one that brought the score to <paramref name="score"/>.</summary>
    public TimeSpan DelayAfter(double score)
    {
        if (score < options.FreeAttempts)
        {
            return TimeSpan.Zero;
        }

        var exponent = Math.Min(score - options.FreeAttempts, 30);
        var delay = options.BaseDelay * Math.Pow(2, exponent);
        return delay < options.MaxDelay ? delay : options.MaxDelay;
    }
}
