using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AspireMsa.Identity.Api.Users;

/// <summary>
/// Creates the roles and demo users (alice and bob: customer, admin: admin, ana: analyst, tess: tester) and brings existing ones back to
/// the configured state, password included, so running it at every start is safe.
/// </summary>
public sealed class DemoUserSeeder(UserManager<IdentityUser> users, RoleManager<IdentityRole> roles, IOptions<DemoUserOptions> options)
{
    public const string EmailDomain = "aspiremsa.local";

    private static readonly (string UserName, string Role)[] DemoUsers =
    [
        ("alice", Roles.Customer),
        ("bob", Roles.Customer),
        ("admin", Roles.Admin),
        ("ana", Roles.Analyst),
        ("tess", Roles.Tester),
    ];

    public async Task SeedAsync()
    {
        var password = options.Value.Password
            ?? throw new InvalidOperationException("DemoUsers:Password is missing: the demo users cannot be seeded without it.");

        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create role '{role}'");
            }
        }

        foreach (var (userName, role) in DemoUsers)
        {
            await EnsureUserAsync(userName, role, password);
        }
    }

    private async Task EnsureUserAsync(string userName, string role, string password)
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
            // The password follows the configuration: a new AppHost secret takes effect at the next start.
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

    private static void Check(IdentityResult result, string action)
    {
        if (!result.Succeeded)
        {
            var errors = string.Join(" ", result.Errors.Select(e => e.Description));
            throw new InvalidOperationException($"Could not {action}: {errors}");
        }
    }
}
