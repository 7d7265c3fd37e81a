using System.Security.Claims;
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

    /// <param name="category">The account's <see cref="UserClaimTypes.Category"/> claim; none when null (an earlier one is removed).</param>
    public async Task EnsureUserAsync(string userName, string role, string password, string? category = null)
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

        await EnsureCategoryAsync(user, userName, category);
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

    private async Task EnsureCategoryAsync(IdentityUser user, string userName, string? category)
    {
        var existing = (await users.GetClaimsAsync(user)).Where(c => c.Type == UserClaimTypes.Category).ToList();
        if (existing.Count == (category is null ? 0 : 1) && existing.All(c => c.Value == category))
        {
            return;
        }

        if (existing.Count > 0)
        {
            Check(await users.RemoveClaimsAsync(user, existing), $"remove the category of '{userName}'");
        }

        if (category is not null)
        {
            Check(await users.AddClaimAsync(user, new Claim(UserClaimTypes.Category, category)), $"set the category of '{userName}'");
        }
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
