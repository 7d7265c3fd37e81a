using System.ComponentModel.DataAnnotations;

namespace AspireMsa.Identity.Api.Users;

/// <summary>The bootstrap admin account's own password, bound from <c>AdminAccount</c>; it is never a demo user's.</summary>
public sealed class AdminAccountOptions
{
    public const string SectionName = "AdminAccount";

    public const string UserName = "admin";

    [Required(ErrorMessage = "AdminAccount:Password is missing: the admin account cannot be bootstrapped without it. "
        + "The AppHost passes its 'admin-password' parameter as AdminAccount__Password; outside the AppHost, set that variable.")]
    public string? Password { get; set; }
}
