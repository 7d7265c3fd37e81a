using System.ComponentModel.DataAnnotations;

namespace AspireMsa.Analytics.Api.Lake;

/// <summary>Where the lake lives: a folder the AppHost gives in run mode; relative paths resolve from the content root.</summary>
public sealed class LakeOptions
{
    public const string SectionName = "Analytics";

    [Required]
    public string LakeRoot { get; set; } = string.Empty;
}
