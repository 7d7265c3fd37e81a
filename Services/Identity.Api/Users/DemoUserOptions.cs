using System.ComponentModel.DataAnnotations;

namespace AspireMsa.Identity.Api.Users;

/// <summary>The demo users' shared password, bound from <c>DemoUsers</c>; never in code, the AppHost passes a secret parameter.</summary>
public sealed class DemoUserOptions
{
    public const string SectionName = "DemoUsers";

    [Required(ErrorMessage = "DemoUsers:Password is missing: the demo users cannot be seeded without it. "
        + "The AppHost passes its 'demo-user-password' parameter as DemoUsers__Password; outside the AppHost, set that variable.")]
    public string? Password { get; set; }
}
