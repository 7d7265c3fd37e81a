using System.ComponentModel.DataAnnotations;

namespace AspireMsa.Identity.Api.Users;

/// <summary>
/// The demo users and the password-grant client, bound from <c>DemoUsers</c>. On by default only in Development; the
/// AppHost passes <c>DemoUsers__Enabled</c> and the shared password (its secret parameter), never code.
/// </summary>
public sealed class DemoUserOptions : IValidatableObject
{
    public const string SectionName = "DemoUsers";

    public bool Enabled { get; set; }

    public string? Password { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && string.IsNullOrWhiteSpace(Password))
        {
            yield return new ValidationResult(
                "DemoUsers:Password is missing while DemoUsers:Enabled is true: the demo users cannot be seeded without it. "
                + "The AppHost passes its 'demo-user-password' parameter as DemoUsers__Password; outside the AppHost, set that variable.",
                [nameof(Password)]);
        }
    }
}
