namespace AspireMsa.Identity.Api.SignIn;

/// <summary>The throttle's answer to an attempt: refused with a wait, or allowed (and already counted, in case it fails).</summary>
public readonly record struct LoginAttempt(TimeSpan? RetryAfter, bool ReachesLockout)
{
    public bool IsAllowed => RetryAfter is null;
}
