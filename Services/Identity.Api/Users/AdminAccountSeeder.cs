using Microsoft.Extensions.Options;

namespace AspireMsa.Identity.Api.Users;

/// <summary>Every environment, Production included, bootstraps the roles and the one admin account from its own secret.</summary>
public sealed class AdminAccountSeeder(AccountProvisioner accounts, IOptions<AdminAccountOptions> admin, IOptions<DemoUserOptions> demo)
{
    public async Task SeedAsync()
    {
        var password = admin.Value.Password
            ?? throw new InvalidOperationException("AdminAccount:Password is missing: the admin account cannot be bootstrapped without it.");
        if (demo.Value.Enabled && string.Equals(password, demo.Value.Password, StringComparison.Ordinal))
        {
            // Whoever knows the demo password would be admin: refuse to start rather than hand the store to every tester.
            throw new InvalidOperationException("AdminAccount:Password equals DemoUsers:Password: the admin account needs a password of its own.");
        }

        await accounts.EnsureRolesAsync();
        await accounts.EnsureUserAsync(AdminAccountOptions.UserName, Roles.Admin, password);
    }
}
