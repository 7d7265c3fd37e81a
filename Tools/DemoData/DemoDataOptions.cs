using System.ComponentModel.DataAnnotations;

namespace AspireMsa.DemoData;

/// <summary>How the loader reaches and signs in at the gateway (section <c>DemoData</c>), validated when it starts.</summary>
public sealed class DemoDataOptions
{
    public const string SectionName = "DemoData";

    /// <summary>The gateway by its discovery name; the AppHost's reference resolves it to the real endpoint.</summary>
    [Required]
    public Uri Gateway { get; set; } = new("http://gateway");

    [Required]
    public string AdminUser { get; set; } = "admin";

    /// <summary>The AppHost's <c>admin-password</c> parameter.</summary>
    [Required]
    public string AdminPassword { get; set; } = string.Empty;

    /// <summary>Products loaded at once: enough to finish in seconds, few enough to stay far below the per-user rate limit.</summary>
    [Range(1, 16)]
    public int Parallelism { get; set; } = 4;
}
