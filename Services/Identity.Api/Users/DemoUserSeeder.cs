using Microsoft.Extensions.Options;

namespace AspireMsa.Identity.Api.Users;

/// <summary>
/// The demo users, who share one password: alice and bob (customer), ana (analyst), carol (category-manager of
/// <see cref="CarolsCategory"/>) and tess (tester). They exist only while <c>DemoUsers:Enabled</c> is true; a store switched off demo mode loses them at its next
/// start, so an old shared password never opens a production database.
/// </summary>
public sealed partial class DemoUserSeeder(AccountProvisioner accounts, IOptions<DemoUserOptions> options, ILogger<DemoUserSeeder> logger)
{
    /// <summary>One of the demo catalog's categories (<c>Tools/DemoData/DemoCatalog.cs</c>), so carol's grant has rows on first run.</summary>
    public const string CarolsCategory = "Kitchen";

    public static readonly IReadOnlyList<(string UserName, string Role, string? Category)> DemoUsers =
    [
        ("alice", Roles.Customer, null),
        ("bob", Roles.Customer, null),
        ("ana", Roles.Analyst, null),
        ("carol", Roles.CategoryManager, CarolsCategory),
        ("tess", Roles.Tester, null),
    ];

    public async Task SeedAsync()
    {
        if (!options.Value.Enabled)
        {
            foreach (var (userName, _, _) in DemoUsers)
            {
                if (await accounts.RemoveUserAsync(userName))
                {
                    LogDemoUserRemoved(logger, userName);
                }
            }

            return;
        }

        var password = options.Value.Password
            ?? throw new InvalidOperationException("DemoUsers:Password is missing: the demo users cannot be seeded without it.");
        foreach (var (userName, role, category) in DemoUsers)
        {
            await accounts.EnsureUserAsync(userName, role, password, category);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed demo user {UserName}: DemoUsers:Enabled is false")]
    private static partial void LogDemoUserRemoved(ILogger logger, string userName);
}
