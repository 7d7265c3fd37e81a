using System.ComponentModel.DataAnnotations;

namespace AspireMsa.Identity.Api.Tokens;

/// <summary>The token server's settings, bound from <c>Tokens</c> and validated at start-up.</summary>
public sealed class TokenServerOptions
{
    public const string SectionName = "Tokens";

    /// <summary>
    /// The public issuer, e.g. the gateway's URL (put there by the AppHost). When empty, OpenIddict uses the request's
    /// base URL, which the forwarded headers already set to the gateway's.
    /// </summary>
    public string? Issuer { get; set; }

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:05:00", "90.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a signing or encryption key is used before the service creates a successor at start-up.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "730.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan KeyLifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// How long a new key is published in JWKS before it signs anything. Must exceed the time every validator takes to
    /// see it: twice their <c>Identity:SigningKeyRefreshInterval</c> (1 minute by default) plus this service's
    /// <see cref="KeyRefreshInterval"/>, so no service ever meets a token signed with a key it has not fetched.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "7.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan KeyPublishLeadTime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often every replica reloads the keys from the database: it learns of rotations and switches signer on time.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a replaced key stays loaded: long enough for every token it signed or encrypted to expire.</summary>
    public TimeSpan ReplacedKeyRetention => AccessTokenLifetime > RefreshTokenLifetime ? AccessTokenLifetime : RefreshTokenLifetime;

    public static bool PublishesKeysBeforeUse(TokenServerOptions options) => options.KeyPublishLeadTime > options.KeyRefreshInterval;

    public static bool HasValidIssuer(TokenServerOptions options) =>
        string.IsNullOrWhiteSpace(options.Issuer) || Uri.TryCreate(options.Issuer, UriKind.Absolute, out _);
}
