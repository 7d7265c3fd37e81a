using Microsoft.AspNetCore.Identity;

namespace AspireMsa.Identity.Api.SignIn;

/// <summary>The outcome of a password login: the user, or a refusal that names no reason but the wait, if any.</summary>
public sealed record PasswordLoginResult(IdentityUser? User, TimeSpan? RetryAfter)
{
    public bool Succeeded => User is not null;
}
