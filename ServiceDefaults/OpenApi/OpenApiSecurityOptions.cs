using System.ComponentModel.DataAnnotations;

namespace AspireMsa.ServiceDefaults.OpenApi;

/// <summary>Where the OAuth 2.0 endpoints are, relative to the document's server (the gateway), bound from <c>OpenApi:Security</c>.</summary>
public sealed class OpenApiSecurityOptions
{
    public const string SectionName = "OpenApi:Security";

    /// <summary>The name operations refer to in their security requirements.</summary>
    public const string SchemeName = "oauth2";

    [Required]
    [RegularExpression("^/.*", ErrorMessage = "OpenApi:Security:TokenPath must be a path starting with '/'.")]
    public string TokenPath { get; set; } = "/connect/token";

    [Required]
    [RegularExpression("^/.*", ErrorMessage = "OpenApi:Security:AuthorizationPath must be a path starting with '/'.")]
    public string AuthorizationPath { get; set; } = "/connect/authorize";
}
