using System.ComponentModel.DataAnnotations;
using AspireMsa.Gateway.Downstream;

namespace AspireMsa.Gateway.Canary;

/// <summary>
/// Canary releases the gateway runs (<c>Canary:Releases:{api}</c>, named after the API they release): a route joins one by
/// naming it in its <c>Metadata:Canary</c>, and its requests are then split between the stable and the canary version's
/// clusters, the services the downstream registry lists for those versions of the API.
/// </summary>
public sealed class CanaryOptions
{
    public const string SectionName = "Canary";

    public Dictionary<string, CanaryReleaseOptions> Releases { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public static bool HasValidReleases(CanaryOptions options) =>
        options.Releases.Values.All(release =>
            Validator.TryValidateObject(release, new ValidationContext(release), null, validateAllProperties: true)
            && Validator.TryValidateObject(release.Rollback, new ValidationContext(release.Rollback), null, validateAllProperties: true)
            && release.StableVersion != release.CanaryVersion
            && release.StableCluster != release.CanaryCluster);

    /// <summary>Each version's cluster is the registry's service for that version of the release's API.</summary>
    public void ResolveClusters(DownstreamOptions downstream)
    {
        ArgumentNullException.ThrowIfNull(downstream);
        foreach (var (api, release) in Releases)
        {
            release.StableCluster = downstream.ServiceOf(api, release.StableVersion) ?? string.Empty;
            release.CanaryCluster = downstream.ServiceOf(api, release.CanaryVersion) ?? string.Empty;
        }
    }
}

public sealed class CanaryReleaseOptions
{
    [Required]
    public string StableVersion { get; set; } = "v1";

    /// <summary>Set from the downstream registry, not configured.</summary>
    [Required]
    public string StableCluster { get; set; } = string.Empty;

    [Required]
    public string CanaryVersion { get; set; } = "v2";

    /// <summary>Set from the downstream registry, not configured.</summary>
    [Required]
    public string CanaryCluster { get; set; } = string.Empty;

    /// <summary>The canary's share in percent until an operator sets another; kept in Redis from then on.</summary>
    [Range(0, 100)]
    public int InitialCanaryWeight { get; set; } = 10;

    public CanaryRollbackOptions Rollback { get; set; } = new();
}

/// <summary>When the canary's error rate over the window passes the threshold, its weight drops to 0 by itself.</summary>
public sealed class CanaryRollbackOptions
{
    public bool Enabled { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Too few requests say nothing about a release: below this count in the window, no verdict.</summary>
    [Range(1, 100_000)]
    public int MinimumRequests { get; set; } = 20;

    [Range(0.01, 1.0)]
    public double ErrorRateThreshold { get; set; } = 0.2;
}
