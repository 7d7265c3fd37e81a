namespace AspireMsa.Identity.Api.SignIn;

/// <summary>One user name's recent attempts (known or not, so the throttle reveals nothing), in the identity database.</summary>
public sealed class LoginThrottleEntry
{
    public const int UserNameMaxLength = 256;

    /// <summary>The normalized user name.</summary>
    public required string UserName { get; init; }

    public double Score { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }
}
