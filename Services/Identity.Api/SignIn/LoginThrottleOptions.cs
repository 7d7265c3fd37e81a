using System.ComponentModel.DataAnnotations;

namespace AspireMsa.Identity.Api.SignIn;

/// <summary>
/// Progressive delays per user name (section <c>Login</c>), in place of a lockout an attacker could hold shut. Every
/// attempt adds one to the name's score, which halves every <see cref="HalfLife"/>; beyond <see cref="FreeAttempts"/>
/// the next attempt must wait <see cref="BaseDelay"/> doubled per point, at most <see cref="MaxDelay"/>. So the owner
/// never waits longer than that, and a guesser gets about one try per <see cref="MaxDelay"/>.
/// </summary>
public sealed class LoginThrottleOptions
{
    public const string SectionName = "Login";

    [Range(1, 100)]
    public int FreeAttempts { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan HalfLife { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The score at which the account is locked for <see cref="LockoutDuration"/>: the backstop. It must lie above the
    /// highest score the delays allow (<see cref="LoginBackoff.HighestReachableScore"/>), so throttled guessing alone
    /// never locks anyone out.
    /// </summary>
    [Range(2, 1000)]
    public int LockoutThreshold { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    public static bool DelaysStayBelowTheLockout(LoginThrottleOptions options) =>
        options.MaxDelay >= options.BaseDelay && new LoginBackoff(options).HighestReachableScore < options.LockoutThreshold;
}
