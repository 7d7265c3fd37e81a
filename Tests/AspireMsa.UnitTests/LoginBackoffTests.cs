using AspireMsa.Identity.Api.SignIn;

namespace AspireMsa.UnitTests;

public class LoginBackoffTests
{
    private static readonly LoginThrottleOptions Defaults = new();

    [Fact]
    public void OneWrongAttemptAMinute_ForADay_NeverLocksTheAccount_AndTheOwnerWaitsAtMostTheMaxDelay()
    {
        var backoff = new LoginBackoff(Defaults);
        var score = 0.0;
        for (var minute = 0; minute < 24 * 60; minute++)
        {
            score = backoff.Decay(score, TimeSpan.FromMinutes(1)) + 1;

            Assert.True(score < Defaults.LockoutThreshold, $"Minute {minute}: score {score} reached the lockout.");
            Assert.True(backoff.DelayAfter(score) < TimeSpan.FromMinutes(1), $"Minute {minute}: the owner would wait {backoff.DelayAfter(score)}.");
        }
    }

    [Fact]
    public void AGuesserTryingAsSoonAsAllowed_ForADay_NeverReachesTheLockout()
    {
        var backoff = new LoginBackoff(Defaults);
        var score = 0.0;
        var wait = TimeSpan.Zero;
        var highest = 0.0;
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromDays(1); elapsed += wait)
        {
            score = backoff.Decay(score, wait) + 1;
            wait = backoff.DelayAfter(score);
            highest = Math.Max(highest, score);
            // Attempts inside the delay are refused without being counted, so the next counted one comes after it.
            wait = wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1);
        }

        Assert.InRange(highest, Defaults.FreeAttempts, backoff.HighestReachableScore);
        Assert.True(highest < Defaults.LockoutThreshold, $"The score reached {highest}.");
    }

    [Fact]
    public void DelaysStartAfterTheFreeAttempts_DoublePerAttempt_AndStopAtTheMaximum()
    {
        var backoff = new LoginBackoff(Defaults);

        Assert.Equal(TimeSpan.Zero, backoff.DelayAfter(Defaults.FreeAttempts - 1));
        Assert.Equal(Defaults.BaseDelay, backoff.DelayAfter(Defaults.FreeAttempts));
        Assert.Equal(Defaults.BaseDelay * 4, backoff.DelayAfter(Defaults.FreeAttempts + 2));
        Assert.Equal(Defaults.MaxDelay, backoff.DelayAfter(Defaults.FreeAttempts + 40));
    }

    [Fact]
    public void SettingsWhoseDelaysCouldReachTheLockout_AreRefusedAtStart()
    {
        Assert.True(LoginThrottleOptions.DelaysStayBelowTheLockout(Defaults));
        Assert.False(LoginThrottleOptions.DelaysStayBelowTheLockout(new LoginThrottleOptions { LockoutThreshold = 5 }));
        Assert.False(LoginThrottleOptions.DelaysStayBelowTheLockout(new LoginThrottleOptions { HalfLife = TimeSpan.FromDays(1) }));
    }
}
