using System.ComponentModel.DataAnnotations;

namespace AspireMsa.Gateway.Hub;

/// <summary>How long the hub reuses its aggregate of the capabilities' manifests, bound from <c>Hub</c>.</summary>
public sealed class HubOptions
{
    public const string SectionName = "Hub";

    /// <summary>Short: a capability switched on or off, or redeployed, shows within this time.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(10);
}
