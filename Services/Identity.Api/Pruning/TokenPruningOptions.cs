using System.ComponentModel.DataAnnotations;

namespace AspireMsa.Identity.Api.Pruning;

/// <summary>How OpenIddict's token and authorization rows are pruned, bound from <c>TokenPruning</c> and validated at start-up.</summary>
public sealed class TokenPruningOptions
{
    public const string SectionName = "TokenPruning";

    /// <summary>Invalid, expired or orphaned rows created longer ago than this are removed (OpenIddict's own pruning rules).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan RetentionAge { get; set; } = TimeSpan.FromDays(7);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
