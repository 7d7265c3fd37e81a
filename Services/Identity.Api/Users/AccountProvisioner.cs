using Microsoft.AspNetCore.Identity;

namespace AspireMsa.Identity.Api.Users;

/// <summary>
/// Creates a seeded account or brings an existing one back to the configured state, password included, so seeding at
/// every start is safe and a changed AppHost secret takes effect at the next start.
/// </summary>
public sealed class AccountProvisioner(UserManager<IdentityUser> users, RoleManager<IdentityRole> roles)
{
    public const string EmailDomain = "aspiremsa.local";

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create role '{role}'");
            }
        }
    }

    public async Task EnsureUserAsync(string userName, string role, string password)
    {
        var email = $"{userName}@{EmailDomain}";
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            user = new IdentityUser(userName) { Email = email, EmailConfirmed = true };
            Check(await users.CreateAsync(user, password), $"create user '{userName}'");
        }
        else if (!await users.CheckPasswordAsync(user, password))
        {
            Check(await users.RemovePasswordAsync(user), $"reset the password of '{userName}'");
            Check(await users.AddPasswordAsync(user, password), $"reset the password of '{userName}'");
        }

        if (!string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase))
        {
            Check(await users.SetEmailAsync(user, email), $"set the email of '{userName}'");
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            Check(await users.AddToRoleAsync(user, role), $"add '{userName}' to role '{role}'");
        }
    }

    /// <summary>Deletes the account if it exists; its refresh tokens and codes then fail, as their user is gone.</summary>
    public async Task<bool> RemoveUserAsync(string userName)
    {
        if (await users.FindByNameAsync(userName) is not { } user)
        {
            return false;
        }

        Check(await users.DeleteAsync(user), $"delete user '{userName}'");
        return true;
    }

    private static void Check(IdentityResult result, string action)
    {
        if (!result.Succeeded)
        {
            var errors = string.Join(" ", result.Errors.Select(e => e.Description));
            throw new InvalidOperationException($"Could not {action}: {errors}");
        }
    }
}
